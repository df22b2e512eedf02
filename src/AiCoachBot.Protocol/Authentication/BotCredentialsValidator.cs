using Microsoft.Extensions.Options;

namespace AiCoachBot.Protocol.Authentication;

/// <summary>Start-up check of the identity settings; each message names the setting and the fix.</summary>
public sealed class BotCredentialsValidator : IValidateOptions<BotCredentialsOptions>
{
    public ValidateOptionsResult Validate(string? name, BotCredentialsOptions o)
    {
        var errors = new List<string>();
        if (BotAppTypes.Parse(o.MicrosoftAppType) is null)
        {
            errors.Add($"MicrosoftAppType '{o.MicrosoftAppType}' is not known: use SingleTenant, MultiTenant or UserAssignedMSI.");
            return Result(errors);
        }

        if (o.IsLocalMode)
        {
            if (!string.IsNullOrWhiteSpace(o.MicrosoftAppPassword))
                errors.Add("MicrosoftAppPassword is set but MicrosoftAppId is empty: set MicrosoftAppId to the Azure Bot's app id, or remove the password to run locally.");
            return Result(errors);
        }

        if (!Guid.TryParse(o.MicrosoftAppId, out _))
            errors.Add("MicrosoftAppId must be the Azure Bot's application (client) id, a GUID.");

        switch (o.AppType)
        {
            case BotAppType.SingleTenant:
                RequireTenant(o, errors);
                if (string.IsNullOrWhiteSpace(o.MicrosoftAppPassword))
                    errors.Add("MicrosoftAppType is SingleTenant but MicrosoftAppPassword is empty: set the app registration's client secret (from Key Vault in Azure), or use UserAssignedMSI.");
                break;
            case BotAppType.UserAssignedMsi:
                RequireTenant(o, errors);
                if (!string.IsNullOrWhiteSpace(o.MicrosoftAppPassword))
                    errors.Add("MicrosoftAppType is UserAssignedMSI, which takes no MicrosoftAppPassword: remove the password setting.");
                break;
            case BotAppType.MultiTenant:
                if (string.IsNullOrWhiteSpace(o.MicrosoftAppPassword))
                    errors.Add("MicrosoftAppType is MultiTenant but MicrosoftAppPassword is empty: set the app registration's client secret.");
                break;
        }
        return Result(errors);
    }

    private static void RequireTenant(BotCredentialsOptions o, List<string> errors)
    {
        if (!Guid.TryParse(o.MicrosoftAppTenantId, out _))
            errors.Add($"MicrosoftAppType is {o.MicrosoftAppType} so MicrosoftAppTenantId must be your Entra tenant id (a GUID).");
    }

    private static ValidateOptionsResult Result(List<string> errors) =>
        errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
}
