namespace AiCoachBot.Protocol.Authentication;

/// <summary>The bot's identity, under the names Azure Bot and the Agents Toolkit use (root keys or environment variables).</summary>
public sealed class BotCredentialsOptions
{
    public string? MicrosoftAppId { get; set; }
    public string? MicrosoftAppPassword { get; set; }
    public string? MicrosoftAppTenantId { get; set; }
    public string? MicrosoftAppType { get; set; }

    /// <summary>No app id: the bot accepts unauthenticated requests, and only on a loopback binding.</summary>
    public bool IsLocalMode => string.IsNullOrWhiteSpace(MicrosoftAppId);

    public BotAppType AppType => BotAppTypes.Parse(MicrosoftAppType) ?? BotAppType.MultiTenant;
}

public enum BotAppType { MultiTenant, SingleTenant, UserAssignedMsi }

public static class BotAppTypes
{
    public static BotAppType? Parse(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "multitenant" => BotAppType.MultiTenant,
        "singletenant" => BotAppType.SingleTenant,
        "userassignedmsi" => BotAppType.UserAssignedMsi,
        _ => null,
    };
}
