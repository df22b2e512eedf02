using System.Net;
using AiCoachBot.Host.Tests.Support;
using AiCoachBot.Protocol.Connector;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AiCoachBot.Host.Tests.Endpoint;

/// <summary>
/// With an app id configured, /api/messages serves only activities carrying a Bot Connector token. The
/// outbound token would come from Entra through MSAL, which cannot run offline: a fake hands out "test-token".
/// </summary>
public sealed class AuthenticationTests : BotTest
{
    private OpenIdMetadataServer _metadata = null!;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["MicrosoftAppId"] = ActivityBuilder.AppId,
        ["MicrosoftAppPassword"] = "not-a-real-secret",
        ["MicrosoftAppType"] = "MultiTenant",
        ["BotAuthentication:BotFrameworkOpenIdMetadataUrl"] = _metadata.MetadataUrl,
        ["BotAuthentication:RequireHttpsMetadata"] = "false",
    };

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.RemoveAll<IConnectorTokenProvider>();
        services.AddSingleton<IConnectorTokenProvider>(new FixedTokenProvider("test-token"));
    }

    public override async Task InitializeAsync()
    {
        _metadata = await OpenIdMetadataServer.StartAsync();
        await base.InitializeAsync();
    }

    [Fact]
    public async Task NoAuthorizationHeader_Is401WithAnEmptyBody()
    {
        var chat = PersonalChat();

        using var response = await Bot.PostAsync(chat.Message("help"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());
        Assert.Empty(Connector.Requests);
    }

    [Fact]
    public async Task ValidBotConnectorToken_Is200_AndTheReplyCarriesTheBotsToken()
    {
        var chat = PersonalChat();

        using var response = await PostAsync(chat, OpenIdMetadataServer.Token(OpenIdMetadataServer.TeamsKey, chat.ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await Connector.NextMessageAsync(chat.ConversationId);
        Assert.Equal(Bot.En("help.title"), CardReader.Texts(reply.Card)[0]);
        Assert.Equal("Bearer test-token", reply.Authorization);
    }

    /// <summary>Why the token is wrong, how to make it, and the words of the refusal the bot logs (never sends).</summary>
    public static TheoryData<string, Func<string, string>, string> RejectedTokens => new()
    {
        { "serviceurl claim of another service", _ => OpenIdMetadataServer.Token(OpenIdMetadataServer.TeamsKey, "https://smba.trafficmanager.net/teams/"), "serviceurl" },
        { "audience of another bot", url => OpenIdMetadataServer.Token(OpenIdMetadataServer.TeamsKey, url, audience: "0b6fa1d4-9b3c-4f5e-8a2d-1c7e9f0a3b5d"), "Audience" },
        { "issuer that is not the Bot Framework", url => OpenIdMetadataServer.Token(OpenIdMetadataServer.TeamsKey, url, issuer: "https://evil.example.com"), "issuer" },
        { "expired an hour ago", url => OpenIdMetadataServer.Token(OpenIdMetadataServer.TeamsKey, url, expiresIn: TimeSpan.FromHours(-1)), "Lifetime" },
        { "key not endorsed for msteams", url => OpenIdMetadataServer.Token(OpenIdMetadataServer.UnendorsedKey, url), "endorsed" },
        { "key not published", url => OpenIdMetadataServer.Token(OpenIdMetadataServer.UnpublishedKey, url), "KeyNotFound" },
        { "not a JWT", _ => "not-a-jwt", "JWT" },
    };

    [Theory]
    [MemberData(nameof(RejectedTokens))]
    public async Task InvalidToken_Is401_AndNothingIsSent(string why, Func<string, string> token, string refusal)
    {
        var chat = PersonalChat();

        using var response = await PostAsync(chat, token(chat.ServiceUrl));

        Assert.True(HttpStatusCode.Unauthorized == response.StatusCode, $"{why}: {(int)response.StatusCode}");
        Assert.Empty(await response.Content.ReadAsStringAsync());
        Assert.Empty(Connector.Requests);
        Assert.Contains(Bot.Logs.Entries, e => e.EventId.Id == 1002 && e.Message.Contains(refusal, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SigningKeysUnavailable_Is401NotA500()
    {
        var down = await LoopbackServer.StartAsync(_ => Task.CompletedTask);
        var unreachable = $"{down.BaseAddress}v1/.well-known/openidconfiguration";
        await down.DisposeAsync();
        var bot = StartBot(new Dictionary<string, string?>(Settings) { ["BotAuthentication:BotFrameworkOpenIdMetadataUrl"] = unreachable });
        var chat = PersonalChat();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonBody(chat) };
        request.Headers.Authorization = new("Bearer", OpenIdMetadataServer.Token(OpenIdMetadataServer.TeamsKey, chat.ServiceUrl));

        using var response = await bot.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(bot.Logs.Entries, e => e.EventId.Id == 1003); // logged as an outage, not as a forged token
        Assert.Empty(Connector.Requests);
    }

    [Fact]
    public async Task BasicScheme_Is401()
    {
        var chat = PersonalChat();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonBody(chat) };
        request.Headers.TryAddWithoutValidation("Authorization", "Basic dXNlcjpwYXNz");

        using var response = await Bot.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private async Task<HttpResponseMessage> PostAsync(ActivityBuilder chat, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonBody(chat) };
        request.Headers.Authorization = new("Bearer", token);
        return await Bot.Http.SendAsync(request);
    }

    private static StringContent JsonBody(ActivityBuilder chat) =>
        new(chat.Message("help").ToJsonString(), System.Text.Encoding.UTF8, "application/json");

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _metadata.DisposeAsync();
    }

    private sealed class FixedTokenProvider(string token) : IConnectorTokenProvider
    {
        public ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult<string?>(token);
    }
}
