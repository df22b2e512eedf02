namespace AiCoachBot.Protocol.Authentication;

public enum TokenFamily { BotFramework, Entra }

/// <summary>Which issuers are trusted, and where each one's signing keys are published.</summary>
public static class IssuerRules
{
    public static TokenFamily? Classify(string? issuer, string? tenantId, BotAuthenticationOptions options)
    {
        if (issuer is null) return null;
        if (string.Equals(issuer, options.BotFrameworkIssuer, StringComparison.Ordinal)) return TokenFamily.BotFramework;
        if (!string.IsNullOrWhiteSpace(tenantId) && EntraIssuers(tenantId).Contains(issuer, StringComparer.Ordinal)) return TokenFamily.Entra;
        return null;
    }

    public static IReadOnlyList<string> EntraIssuers(string tenantId) =>
        [$"https://sts.windows.net/{tenantId}/", $"https://login.microsoftonline.com/{tenantId}/v2.0"];

    public static IReadOnlyList<string> ValidIssuers(TokenFamily family, string? tenantId, BotAuthenticationOptions options) =>
        family == TokenFamily.BotFramework ? [options.BotFrameworkIssuer] : EntraIssuers(tenantId!);

    public static string MetadataUrl(TokenFamily family, string? tenantId, BotAuthenticationOptions options) =>
        family == TokenFamily.BotFramework
            ? options.BotFrameworkOpenIdMetadataUrl
            : $"{options.EntraAuthority.TrimEnd('/')}/{tenantId}/v2.0/.well-known/openid-configuration";
}
