using AiCoachBot.Protocol.Authentication;

namespace AiCoachBot.Protocol.Tests.Authentication;

public sealed class BotCredentialsValidatorTests
{
    private const string AppId = "6f1c2b8e-3a4d-4e5f-9a0b-1c2d3e4f5a6b";
    private const string TenantId = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

    public static TheoryData<string, BotCredentialsOptions, string> Misconfigurations => new()
    {
        { "SingleTenant without tenant", Options(AppId, "secret", "SingleTenant", tenant: null), "MicrosoftAppTenantId" },
        { "SingleTenant, tenant not a GUID", Options(AppId, "secret", "SingleTenant", tenant: "contoso.onmicrosoft.com"), "MicrosoftAppTenantId" },
        { "SingleTenant without password", Options(AppId, null, "SingleTenant", TenantId), "MicrosoftAppPassword" },
        { "UserAssignedMSI with a password", Options(AppId, "secret", "UserAssignedMSI", TenantId), "MicrosoftAppPassword" },
        { "UserAssignedMSI without tenant", Options(AppId, null, "UserAssignedMSI", tenant: null), "MicrosoftAppTenantId" },
        { "unknown app type", Options(AppId, "secret", "SingleTenantPlease", TenantId), "MicrosoftAppType" },
        { "unknown app type in local mode", Options(null, null, "Federated", tenant: null), "MicrosoftAppType" },
        { "password without app id", Options(null, "secret", null, tenant: null), "MicrosoftAppId" },
        { "app id not a GUID", Options("my-bot", "secret", "MultiTenant", tenant: null), "MicrosoftAppId" },
        { "MultiTenant without password", Options(AppId, null, "MultiTenant", tenant: null), "MicrosoftAppPassword" },
    };

    [Theory]
    [MemberData(nameof(Misconfigurations))]
    public void Validate_Misconfiguration_FailsNamingTheSetting(string _, BotCredentialsOptions options, string setting)
    {
        var result = new BotCredentialsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, message => message.Contains(setting, StringComparison.Ordinal));
    }

    public static TheoryData<string, BotCredentialsOptions> ValidConfigurations => new()
    {
        { "local mode: nothing set", Options(null, null, null, tenant: null) },
        { "local mode: blank app id", Options("  ", null, null, tenant: null) },
        { "MultiTenant, type left out", Options(AppId, "secret", null, tenant: null) },
        { "MultiTenant", Options(AppId, "secret", "MultiTenant", tenant: null) },
        { "SingleTenant", Options(AppId, "secret", "SingleTenant", TenantId) },
        { "SingleTenant, any casing", Options(AppId, "secret", "singletenant", TenantId) },
        { "UserAssignedMSI", Options(AppId, null, "UserAssignedMSI", TenantId) },
        { "UserAssignedMsi, other casing and spaces", Options(AppId, "", " UserAssignedMsi ", TenantId) },
    };

    [Theory]
    [MemberData(nameof(ValidConfigurations))]
    public void Validate_ValidConfiguration_Succeeds(string _, BotCredentialsOptions options)
    {
        var result = new BotCredentialsValidator().Validate(null, options);

        Assert.True(result.Succeeded, string.Join(" | ", result.Failures ?? []));
    }

    private static BotCredentialsOptions Options(string? appId, string? password, string? type, string? tenant) => new()
    {
        MicrosoftAppId = appId,
        MicrosoftAppPassword = password,
        MicrosoftAppType = type,
        MicrosoftAppTenantId = tenant,
    };
}
