using System.Text.Json;
using AiCoachBot.Protocol.Schema;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace AiCoachBot.Protocol.Authentication;

/// <summary>Checks the Bearer token the Bot Connector (or Entra) put on an inbound activity.</summary>
public sealed class InboundTokenValidator(
    IOptions<BotCredentialsOptions> credentials,
    IOptions<BotAuthenticationOptions> authOptions,
    IOpenIdMetadataSource metadata,
    TrustedServiceUrls trustedServiceUrls,
    TimeProvider time)
{
    private static readonly string[] Algorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    public bool IsLocalMode => credentials.Value.IsLocalMode;

    public async Task<AuthenticationOutcome> ValidateAsync(string? authorizationHeader, Activity activity, CancellationToken cancellationToken)
    {
        if (IsLocalMode) return new AuthenticationOutcome(AuthenticationStatus.Anonymous);

        var token = BearerToken(authorizationHeader);
        if (token is null) return AuthenticationOutcome.Reject("missing or malformed Authorization header");
        if (!_handler.CanReadToken(token)) return AuthenticationOutcome.Reject("not a JWT");

        JsonWebToken unverified;
        try { unverified = _handler.ReadJsonWebToken(token); }
        catch (Exception ex) when (ex is ArgumentException or SecurityTokenException) { return AuthenticationOutcome.Reject("unreadable JWT"); }

        var options = authOptions.Value;
        var tenantId = credentials.Value.MicrosoftAppTenantId;
        // The unverified issuer only chooses which keys to load; everything is then fully validated.
        var family = IssuerRules.Classify(unverified.Issuer, tenantId, options);
        if (family is null) return AuthenticationOutcome.Reject("untrusted issuer");

        var metadataUrl = IssuerRules.MetadataUrl(family.Value, tenantId, options);
        var result = await ValidateSignatureAndClaimsAsync(token, family.Value, metadataUrl, tenantId, refreshOnUnknownKey: true, cancellationToken);
        if (result.Status != AuthenticationStatus.Authenticated) return result;

        var (claims, configuration) = ((JsonWebToken, OpenIdConnectConfiguration))result.Identity!.BootstrapContext!;
        result.Identity.BootstrapContext = null;
        if (family == TokenFamily.BotFramework && !IsEndorsed(configuration, claims, activity.ChannelId))
            return AuthenticationOutcome.Reject("signing key not endorsed for the activity's channel");

        var serviceUrlClaim = claims.TryGetPayloadValue<string>("serviceurl", out var claimed) ? claimed : null;
        if (string.IsNullOrEmpty(serviceUrlClaim) || !string.Equals(serviceUrlClaim, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
            return AuthenticationOutcome.Reject("serviceurl claim does not match the activity");

        trustedServiceUrls.Trust(activity.ServiceUrl!);
        return result;
    }

    private async Task<AuthenticationOutcome> ValidateSignatureAndClaimsAsync(
        string token, TokenFamily family, string metadataUrl, string? tenantId, bool refreshOnUnknownKey, CancellationToken cancellationToken)
    {
        OpenIdConnectConfiguration configuration;
        try { configuration = await metadata.GetAsync(metadataUrl, cancellationToken); }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new AuthenticationOutcome(AuthenticationStatus.MetadataUnavailable, $"OpenID metadata unavailable: {ex.GetType().Name}");
        }

        var appId = credentials.Value.MicrosoftAppId!;
        var parameters = new TokenValidationParameters
        {
            ValidIssuers = IssuerRules.ValidIssuers(family, tenantId, authOptions.Value),
            ValidAudiences = [appId],
            IssuerSigningKeys = configuration.SigningKeys,
            ValidAlgorithms = Algorithms,
            ClockSkew = authOptions.Value.ClockSkew,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ValidateIssuerSigningKey = true,
            LifetimeValidator = (notBefore, expires, _, p) => WithinLifetime(notBefore, expires, p.ClockSkew),
            SaveSigninToken = false,
        };

        var result = await _handler.ValidateTokenAsync(token, parameters);
        if (result.IsValid)
        {
            result.ClaimsIdentity.BootstrapContext = ((JsonWebToken)result.SecurityToken, configuration);
            return new AuthenticationOutcome(AuthenticationStatus.Authenticated, Identity: result.ClaimsIdentity);
        }

        if (refreshOnUnknownKey && result.Exception is SecurityTokenSignatureKeyNotFoundException && await metadata.RefreshAsync(metadataUrl, cancellationToken))
            return await ValidateSignatureAndClaimsAsync(token, family, metadataUrl, tenantId, refreshOnUnknownKey: false, cancellationToken);
        return AuthenticationOutcome.Reject(result.Exception?.GetType().Name ?? "invalid token");
    }

    private bool WithinLifetime(DateTime? notBefore, DateTime? expires, TimeSpan skew)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (expires is null || expires.Value.ToUniversalTime() + skew < now) return false;
        return notBefore is null || notBefore.Value.ToUniversalTime() - skew <= now;
    }

    /// <summary>
    /// A Bot Framework key lists the channels it may sign for; msteams must be among them. The list is
    /// in the published JWK (the validated key object no longer carries it), found by key id.
    /// </summary>
    private static bool IsEndorsed(OpenIdConnectConfiguration configuration, JsonWebToken token, string? channelId)
    {
        if (string.IsNullOrEmpty(channelId)) return true;
        var keyId = token.SigningKey?.KeyId ?? token.Kid;
        var jwk = configuration.JsonWebKeySet?.Keys.FirstOrDefault(k => k.KeyId == keyId);
        if (jwk is null || !jwk.AdditionalData.TryGetValue("endorsements", out var raw)) return false;
        var endorsements = raw switch
        {
            JsonElement { ValueKind: JsonValueKind.Array } array => array.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString() : null),
            IEnumerable<object> list => list.Select(e => e?.ToString()),
            _ => [],
        };
        return endorsements.Contains(channelId, StringComparer.OrdinalIgnoreCase);
    }

    internal static string? BearerToken(string? header)
    {
        if (string.IsNullOrWhiteSpace(header)) return null;
        var parts = header.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 2 && parts[0].Equals("Bearer", StringComparison.OrdinalIgnoreCase) ? parts[1] : null;
    }
}
