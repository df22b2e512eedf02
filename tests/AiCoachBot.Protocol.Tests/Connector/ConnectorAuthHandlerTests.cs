using AiCoachBot.Protocol.Authentication;
using AiCoachBot.Protocol.Connector;
using AiCoachBot.Protocol.Schema;
using AiCoachBot.Protocol.Tests.Support;
using Microsoft.Extensions.Options;

namespace AiCoachBot.Protocol.Tests.Connector;

public sealed class ConnectorAuthHandlerTests
{
    private static readonly BotCredentialsOptions Configured = new()
    {
        MicrosoftAppId = "6f1c2b8e-3a4d-4e5f-9a0b-1c2d3e4f5a6b",
        MicrosoftAppPassword = "secret",
    };

    private readonly TrustedServiceUrls _trusted = new();
    private readonly FakeTokenProvider _tokens = new("connector-token-123");

    [Fact]
    public async Task Send_ServiceUrlNeverSeenInAnAuthenticatedActivity_ThrowsAndSendsNothing()
    {
        await using var connector = await FakeConnector.StartAsync();
        var client = Client(Configured);

        await Assert.ThrowsAsync<UntrustedServiceUrlException>(
            () => client.SendToConversationAsync(connector.ServiceUrl, "a:1", Activity.Message("hi"), default));

        Assert.Empty(connector.Requests);
        Assert.Equal(0, _tokens.Calls);
    }

    [Fact]
    public async Task Send_OtherPathOnATrustedHost_ThrowsAndSendsNothing()
    {
        await using var connector = await FakeConnector.StartAsync();
        _trusted.Trust(connector.ServiceUrl + "amer/");
        var client = Client(Configured);

        await Assert.ThrowsAsync<UntrustedServiceUrlException>(
            () => client.SendToConversationAsync(connector.ServiceUrl + "evil/", "a:1", Activity.Message("hi"), default));

        Assert.Empty(connector.Requests);
    }

    [Fact]
    public async Task Send_TrustedServiceUrl_CarriesTheBotToken()
    {
        await using var connector = await FakeConnector.StartAsync();
        _trusted.Trust(connector.ServiceUrl + "amer/");

        await Client(Configured).SendToConversationAsync(connector.ServiceUrl + "amer/", "a:1", Activity.Message("hi"), default);

        Assert.Equal("Bearer connector-token-123", Assert.Single(connector.Requests).Authorization);
    }

    [Fact]
    public async Task Send_RetriedAttempt_CarriesTheTokenToo()
    {
        await using var connector = await FakeConnector.StartAsync(Replies.Status(503), Replies.Created());
        _trusted.Trust(connector.ServiceUrl);

        await Client(Configured).SendToConversationAsync(connector.ServiceUrl, "a:1", Activity.Message("hi"), default);

        Assert.Equal(2, connector.Requests.Count);
        Assert.All(connector.Requests, r => Assert.Equal("Bearer connector-token-123", r.Authorization));
    }

    [Fact]
    public async Task Send_LocalMode_NoAuthorizationHeaderEvenForAnUntrustedUrl()
    {
        await using var connector = await FakeConnector.StartAsync();

        await Client(new BotCredentialsOptions()).SendToConversationAsync(connector.ServiceUrl, "a:1", Activity.Message("hi"), default);

        Assert.Null(Assert.Single(connector.Requests).Authorization);
        Assert.Equal(0, _tokens.Calls);
    }

    /// <summary>The production order: auth outside, resilience inside, sockets last.</summary>
    private ConnectorClient Client(BotCredentialsOptions credentials)
    {
        var auth = new BotAuthenticationOptions();
        var inbound = new InboundTokenValidator(
            Options.Create(credentials), Options.Create(auth),
            new OpenIdMetadataSource(new SimpleHttpClientFactory(), Options.Create(auth)), _trusted, TimeProvider.System);
        var resilience = new ConnectorResilienceHandler(
            Options.Create(new ConnectorResilienceOptions { BaseDelay = TimeSpan.FromMilliseconds(5) }), TimeProvider.System)
        {
            InnerHandler = new SocketsHttpHandler(),
        };
        return new ConnectorClient(new HttpClient(new ConnectorAuthHandler(_tokens, _trusted, inbound) { InnerHandler = resilience })
        {
            Timeout = TimeSpan.FromSeconds(10),
        });
    }
}
