using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace AiCoachBot.Protocol.Tests.Support;

/// <summary>
/// Four distinct RSA key pairs, made once per test run: a 2048-bit key takes a third of a second to
/// generate here, and no test needs more than four that differ.
/// </summary>
public static class KeyMaterial
{
    private static readonly Lazy<RSAParameters>[] Pool =
        [.. Enumerable.Range(0, 4).Select(_ => new Lazy<RSAParameters>(Generate))];

    public static RSAParameters First => Pool[0].Value;
    public static RSAParameters Second => Pool[1].Value;
    public static RSAParameters Third => Pool[2].Value;
    public static RSAParameters Fourth => Pool[3].Value;

    private static RSAParameters Generate()
    {
        using var rsa = RSA.Create(2048);
        return rsa.ExportParameters(includePrivateParameters: true);
    }
}

/// <summary>An RSA key published in a JWKS under <see cref="Kid"/>, with an optional <c>endorsements</c> list.</summary>
public sealed class TestSigningKey(string kid, RSAParameters material, params string[]? endorsements)
{
    public string Kid { get; } = kid;

    public SigningCredentials Credentials => new(new RsaSecurityKey(material) { KeyId = Kid }, SecurityAlgorithms.RsaSha256);

    public static TestSigningKey EndorsedForTeams(string kid, RSAParameters material) => new(kid, material, "msteams");

    public JsonObject ToJwk()
    {
        var jwk = new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = Kid,
            ["n"] = Base64UrlEncoder.Encode(material.Modulus),
            ["e"] = Base64UrlEncoder.Encode(material.Exponent),
        };
        if (endorsements is not null) jwk["endorsements"] = new JsonArray([.. endorsements.Select(e => JsonValue.Create(e))]);
        return jwk;
    }
}
