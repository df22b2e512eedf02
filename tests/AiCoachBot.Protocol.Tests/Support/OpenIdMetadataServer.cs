using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace AiCoachBot.Protocol.Tests.Support;

/// <summary>
/// Loopback stand-in for login.botframework.com and login.microsoftonline.com: OpenID configuration
/// documents and JWKS whose keys a test can rotate while it runs.
/// </summary>
public sealed class OpenIdMetadataServer : IAsyncDisposable
{
    private readonly LoopbackServer _server;
    private ImmutableList<TestSigningKey> _botFrameworkKeys = [];
    private ImmutableList<TestSigningKey> _entraKeys = [];

    private OpenIdMetadataServer(LoopbackServer server) => _server = server;

    public string BotFrameworkMetadataUrl => $"{_server.BaseAddress}v1/.well-known/openidconfiguration";

    /// <summary>Plays login.microsoftonline.com: <c>{EntraAuthority}/{tenant}/v2.0/.well-known/openid-configuration</c>.</summary>
    public string EntraAuthority => _server.BaseAddress.ToString().TrimEnd('/');

    /// <summary>Answers every request with 500, as a metadata endpoint that is down.</summary>
    public bool Failing { get; set; }

    public int KeySetFetches => _server.Requests.Count(r => r.RawTarget.EndsWith("/keys", StringComparison.Ordinal));

    public void PublishBotFrameworkKey(TestSigningKey key) => ImmutableInterlocked.Update(ref _botFrameworkKeys, keys => keys.Add(key));

    public void PublishEntraKey(TestSigningKey key) => ImmutableInterlocked.Update(ref _entraKeys, keys => keys.Add(key));

    public static async Task<OpenIdMetadataServer> StartAsync()
    {
        OpenIdMetadataServer? self = null;
        var server = await LoopbackServer.StartAsync((context, request) => self!.AnswerAsync(context, request.RawTarget));
        self = new OpenIdMetadataServer(server);
        return self;
    }

    private Task AnswerAsync(HttpContext context, string path)
    {
        if (Failing)
        {
            context.Response.StatusCode = 500;
            return Task.CompletedTask;
        }
        var segments = path.Trim('/').Split('/');
        JsonNode? document = segments switch
        {
            ["v1", ".well-known", "openidconfiguration"] => Configuration("https://api.botframework.com", "v1/.well-known/keys"),
            ["v1", ".well-known", "keys"] => KeySet(_botFrameworkKeys),
            [var tenant, "v2.0", ".well-known", "openid-configuration"] =>
                Configuration($"https://login.microsoftonline.com/{tenant}/v2.0", $"{tenant}/discovery/v2.0/keys"),
            [_, "discovery", "v2.0", "keys"] => KeySet(_entraKeys),
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

    private JsonObject Configuration(string issuer, string keysPath) => new()
    {
        ["issuer"] = issuer,
        ["jwks_uri"] = $"{_server.BaseAddress}{keysPath}",
        ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
    };

    private static JsonObject KeySet(IEnumerable<TestSigningKey> keys) => new() { ["keys"] = new JsonArray([.. keys.Select(k => k.ToJwk())]) };

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
