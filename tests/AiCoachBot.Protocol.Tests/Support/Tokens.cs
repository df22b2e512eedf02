using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AiCoachBot.Protocol.Tests.Support;

/// <summary>What goes into a test token; each test changes only what it is about.</summary>
public sealed record TokenSpec(string Issuer, string Audience, DateTimeOffset NotBefore, DateTimeOffset Expires, string? ServiceUrl)
{
    public string? TenantId { get; init; }
}

public static class Tokens
{
    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    public static string Sign(TokenSpec spec, TestSigningKey key) => Handler.CreateToken(Descriptor(spec, key.Credentials));

    /// <summary><c>alg: none</c>, no signature: the oldest JWT trick.</summary>
    public static string Unsigned(TokenSpec spec) => Handler.CreateToken(Descriptor(spec, credentials: null));

    private static SecurityTokenDescriptor Descriptor(TokenSpec spec, SigningCredentials? credentials)
    {
        var claims = new Dictionary<string, object>();
        if (spec.ServiceUrl is not null) claims["serviceurl"] = spec.ServiceUrl;
        if (spec.TenantId is not null) claims["tid"] = spec.TenantId;
        return new SecurityTokenDescriptor
        {
            Issuer = spec.Issuer,
            Audience = spec.Audience,
            NotBefore = spec.NotBefore.UtcDateTime,
            IssuedAt = spec.NotBefore.UtcDateTime,
            Expires = spec.Expires.UtcDateTime,
            Claims = claims,
            SigningCredentials = credentials,
        };
    }
}
