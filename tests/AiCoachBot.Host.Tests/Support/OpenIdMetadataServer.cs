using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AiCoachBot.Host.Tests.Support;

/// <summary>
/// Loopback stand-in for login.botframework.com: the OpenID configuration and a JWKS holding the
/// test's RSA keys, each with its <c>endorsements</c>; and the means to sign tokens as the Bot Connector does.
/// </summary>
public sealed class OpenIdMetadataServer : IAsyncDisposable
{
    public const string BotFrameworkIssuer = "https://api.botframework.com";

    // A 2048-bit key takes a noticeable fraction of a second to make: one of each kind per test run.
    private static readonly Lazy<RSAParameters> TeamsKeyMaterial = new(NewKey);
    private static readonly Lazy<RSAParameters> UnendorsedKeyMaterial = new(NewKey);
    private static readonly Lazy<RSAParameters> UnpublishedKeyMaterial = new(NewKey);
    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    private LoopbackServer? _server;

    public static SigningKey TeamsKey => new("teams-key", TeamsKeyMaterial.Value, ["msteams"]);
    public static SigningKey UnendorsedKey => new("other-key", UnendorsedKeyMaterial.Value, ["webchat"]);
    public static SigningKey UnpublishedKey => new("unknown-key", UnpublishedKeyMaterial.Value, []);

    public string MetadataUrl => $"{_server!.BaseAddress}v1/.well-known/openidconfiguration";

    public static async Task<OpenIdMetadataServer> StartAsync()
    {
        var server = new OpenIdMetadataServer();
        server._server = await LoopbackServer.StartAsync(server.AnswerAsync);
        return server;
    }

    /// <summary>A token as the Bot Connector signs it; each test changes only what it is about.</summary>
    public static string Token(SigningKey key, string serviceUrl, string audience = ActivityBuilder.AppId,
        string issuer = BotFrameworkIssuer, TimeSpan? expiresIn = null)
    {
        var now = DateTime.UtcNow;
        var expires = now + (expiresIn ?? TimeSpan.FromHours(1));
        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            NotBefore = expires < now ? expires - TimeSpan.FromHours(1) : now.AddMinutes(-1),
            IssuedAt = expires < now ? expires - TimeSpan.FromHours(1) : now.AddMinutes(-1),
            Expires = expires,
            Claims = new Dictionary<string, object> { ["serviceurl"] = serviceUrl },
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(key.Material) { KeyId = key.Kid }, SecurityAlgorithms.RsaSha256),
        });
    }

    private Task AnswerAsync(HttpContext context)
    {
        JsonObject? document = context.Request.Path.Value switch
        {
            "/v1/.well-known/openidconfiguration" => new JsonObject
            {
                ["issuer"] = BotFrameworkIssuer,
                ["jwks_uri"] = $"{_server!.BaseAddress}v1/.well-known/keys",
                ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
                ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
            },
            "/v1/.well-known/keys" => new JsonObject { ["keys"] = new JsonArray(TeamsKey.ToJwk(), UnendorsedKey.ToJwk()) },
            _ => null,
        };
        if (document is null)
        {
            context.Response.StatusCode = 404;
            return Task.CompletedTask;
        }
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(document.ToJsonString());
    }

    private static RSAParameters NewKey()
    {
        using var rsa = RSA.Create(2048);
        return rsa.ExportParameters(includePrivateParameters: true);
    }

    public ValueTask DisposeAsync() => _server?.DisposeAsync() ?? ValueTask.CompletedTask;

    public sealed record SigningKey(string Kid, RSAParameters Material, string[] Endorsements)
    {
        public JsonObject ToJwk() => new()
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = Kid,
            ["n"] = Base64UrlEncoder.Encode(Material.Modulus),
            ["e"] = Base64UrlEncoder.Encode(Material.Exponent),
            ["endorsements"] = new JsonArray([.. Endorsements.Select(e => (JsonNode)JsonValue.Create(e))]),
        };
    }
}
