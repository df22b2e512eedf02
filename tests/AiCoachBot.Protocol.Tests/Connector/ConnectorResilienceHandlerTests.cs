using System.Net;
using AiCoachBot.Protocol.Connector;
using AiCoachBot.Protocol.Schema;
using AiCoachBot.Protocol.Tests.Support;
using Microsoft.Extensions.Options;

namespace AiCoachBot.Protocol.Tests.Connector;

/// <summary>Retries, timeouts and the circuit breaker, against a loopback connector that answers from a script.</summary>
public sealed class ConnectorResilienceHandlerTests
{
    // Generous per-attempt timeout so a busy machine never turns a scripted answer into a timeout;
    // the timeout tests shorten it themselves.
    private static ConnectorResilienceOptions Fast() => new()
    {
        AttemptTimeout = TimeSpan.FromSeconds(5),
        TotalTimeout = TimeSpan.FromSeconds(20),
        MaxRetries = 3,
        BaseDelay = TimeSpan.FromMilliseconds(5),
        MaxRetryAfter = TimeSpan.FromSeconds(5),
    };

    [Fact]
    public async Task Throttled429WithRetryAfter_WaitsThatLongThenSucceedsOnTheSecondRequest()
    {
        await using var connector = await FakeConnector.StartAsync(
            Replies.Json(429, """{"error":{"code":"Throttled","message":"slow down"}}""", ("Retry-After", "1")),
            Replies.Created("1:sent"));
        var clock = new ManualTimeProvider();

        var send = Client(Fast(), clock).SendToConversationAsync(connector.ServiceUrl, "a:1", Activity.Message("hi"), default);
        await Eventually.TrueAsync(() => clock.PendingDelays.Contains(TimeSpan.FromSeconds(1)), "a one-second wait to be scheduled");
        var requestsBeforeTheWait = connector.Requests.Count;
        clock.Advance(TimeSpan.FromSeconds(1));
        var response = await send.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(1, requestsBeforeTheWait);
        Assert.Equal("1:sent", response.Id);
        Assert.Equal(2, connector.Requests.Count);
    }

    [Fact]
    public async Task RetryAfterAsHttpDate_WaitsUntilThatDateOnTheInjectedClock()
    {
        var clock = new ManualTimeProvider();
        var retryAt = clock.GetUtcNow().AddSeconds(2).ToString("R");
        await using var connector = await FakeConnector.StartAsync(Replies.Status(503, ("Retry-After", retryAt)), Replies.Created("1:sent"));

        var send = Client(Fast(), clock).SendToConversationAsync(connector.ServiceUrl, "a:1", Activity.Message("hi"), default);
        await Eventually.TrueAsync(() => clock.PendingDelays.Contains(TimeSpan.FromSeconds(2)), "a two-second wait to be scheduled");
        clock.Advance(TimeSpan.FromSeconds(2));
        var response = await send.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal("1:sent", response.Id);
        Assert.Equal(2, connector.Requests.Count);
    }

    [Fact]
    public async Task MaxRetriesZero_RetriableStatusIsNotRetried()
    {
        await using var connector = await FakeConnector.StartAsync(Replies.Status(503), Replies.Created());
        var options = Fast();
        options.MaxRetries = 0;

        var error = await Assert.ThrowsAsync<ConnectorException>(
            () => Client(options).SendToConversationAsync(connector.ServiceUrl, "a:1", Activity.Message("hi"), default));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.Status);
        Assert.Single(connector.Requests);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(501)]
    public async Task ServerErrorThatIsNotTransient_NotRetried(int status)
    {
        await using var connector = await FakeConnector.StartAsync(Replies.Status(status), Replies.Created());

        var error = await Assert.ThrowsAsync<ConnectorException>(
            () => Client(Fast()).SendToConversationAsync(connector.ServiceUrl, "a:1", Activity.Message("hi"), default));

        Assert.Equal((HttpStatusCode)status, error.Status);
        Assert.Single(connector.Requests);
    }

    [Fact]
    public async Task PostToAConnectorRefusingConnections_RetriedBecauseNothingWasDelivered()
    {
        var attempts = new AttemptCounter { InnerHandler = new SocketsHttpHandler() };
        var client = new ConnectorClient(new HttpClient(
            new ConnectorResilienceHandler(Options.Create(Fast()), TimeProvider.System) { InnerHandler = attempts }));

        await Assert.ThrowsAsync<HttpRequestException>(
            () => client.SendToConversationAsync($"http://127.0.0.1:{LoopbackServer.UnusedPort()}/", "a:1", Activity.Message("hi"), default));

        Assert.Equal(1 + Fast().MaxRetries, attempts.Count);
    }

    [Theory]
    [InlineData(503)]
    [InlineData(412)]
    [InlineData(429)]
    public async Task RefusalThenSuccess_PostIsSentAgain(int status)
    {
        await using var connector = await FakeConnector.StartAsync(Replies.Status(status), Replies.Created("1:sent"));

        var response = await Client(Fast()).SendToConversationAsync(connector.ServiceUrl, "a:1", Activity.Message("hi"), default);

        Assert.Equal("1:sent", response.Id);
        Assert.Equal(2, connector.Requests.Count);
    }

    [Theory]
    [InlineData(502)]
    [InlineData(504)]
    public async Task GatewayErrorOnAPost_IsNotRepeated_BecauseTheMessageMayHaveBeenDelivered(int status)
    {
        await using var connector = await FakeConnector.StartAsync(Replies.Status(status), Replies.Created("1:duplicate"));

        var error = await Assert.ThrowsAsync<ConnectorException>(
            () => Client(Fast()).SendToConversationAsync(connector.ServiceUrl, "a:1", Activity.Message("hi"), default));

        Assert.Equal(status, (int)error.Status);
        Assert.Single(connector.Requests);
    }

    [Theory]
    [InlineData(502)]
    [InlineData(504)]
    [InlineData(503)]
    public async Task GatewayErrorOnAnUpdate_IsRetried_BecauseAPutCanBeRepeated(int status)
    {
        await using var connector = await FakeConnector.StartAsync(Replies.Status(status), Replies.Created("1:updated"));

        var response = await Client(Fast()).UpdateActivityAsync(connector.ServiceUrl, "a:1", "1:card", Activity.Message("hi"), default);

        Assert.Equal("1:updated", response.Id);
        Assert.Equal(2, connector.Requests.Count);
    }

    [Fact]
    public async Task RetriableStatusEveryTime_GivesUpAfterMaxRetries()
    {
        await using var connector = await FakeConnector.StartAsync(Replies.Status(503));

        var error = await Assert.ThrowsAsync<ConnectorException>(
            () => Client(Fast()).SendToConversationAsync(connector.ServiceUrl, "a:1", Activity.Message("hi"), default));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.Status);
        Assert.Equal(1 + Fast().MaxRetries, connector.Requests.Count);
    }

    [Fact]
    public async Task RetryBody_IsResentIdentically()
    {
        await using var connector = await FakeConnector.StartAsync(Replies.Status(503), Replies.Created());

        await Client(Fast()).SendToConversationAsync(connector.ServiceUrl, "a:1", Activity.Message("the same words"), default);

        Assert.Equal(2, connector.Requests.Count);
        Assert.Contains("the same words", connector.Requests[1].Body);
        Assert.Equal(connector.Requests[0].Body, connector.Requests[1].Body);
    }

    [Theory]
    [InlineData(400, """{"error":{"code":"BadArgument","message":"Unknown activity type"}}""", "BadArgument")]
    [InlineData(403, """{"error":{"code":"BotNotInConversationRoster","message":"The bot is not part of the conversation roster."}}""", "BotNotInConversationRoster")]
    [InlineData(403, """{"errorCode":209,"message":"{\"errorCode\":209,\"subCode\":\"MessageWritesBlocked\"}"}""", "209")]
    [InlineData(404, """{"error":{"code":"ConversationNotFound","message":"Conversation not found."}}""", "ConversationNotFound")]
    [InlineData(413, """{"error":{"code":"MessageSizeTooBig","message":"Message size too big."}}""", "MessageSizeTooBig")]
    [InlineData(404, "<html>Not Found</html>", null)]
    [InlineData(400, "", null)]
    public async Task ClientError_NotRetriedAndThrownWithTheTeamsCode(int status, string body, string? code)
    {
        await using var connector = await FakeConnector.StartAsync(Replies.Json(status, body));

        var error = await Assert.ThrowsAsync<ConnectorException>(
            () => Client(Fast()).SendToConversationAsync(connector.ServiceUrl, "a:1", Activity.Message("hi"), default));

        Assert.Single(connector.Requests);
        Assert.Equal((HttpStatusCode)status, error.Status);
        Assert.Equal(code, error.Code);
    }

    [Theory]
    [InlineData(403, true)]
    [InlineData(404, true)]
    [InlineData(400, false)]
    public async Task ClientError_RecipientGoneOnlyForForbiddenAndNotFound(int status, bool gone)
    {
        await using var connector = await FakeConnector.StartAsync(Replies.Status(status));

        var error = await Assert.ThrowsAsync<ConnectorException>(
            () => Client(Fast()).SendToConversationAsync(connector.ServiceUrl, "a:1", Activity.Message("hi"), default));

        Assert.Equal(gone, error.RecipientGone);
    }

    [Fact]
    public async Task PostAttemptTimesOut_NotRepeatedBecauseItMayHaveBeenDelivered()
    {
        await using var connector = await FakeConnector.StartAsync(Replies.Created(), Replies.Hang(), Replies.Created());
        await WarmUpAsync(connector);

        var error = await Assert.ThrowsAsync<ConnectorException>(
            () => Client(ShortAttempts()).SendToConversationAsync(connector.ServiceUrl, "a:1", Activity.Message("hi"), default));

        Assert.Equal("Timeout", error.Code);
        Assert.Equal(HttpStatusCode.GatewayTimeout, error.Status);
        Assert.Equal(2, connector.Requests.Count); // the warm-up and the one attempt
    }

    [Fact]
    public async Task PutAttemptTimesOut_RetriedBecauseRepeatingItIsHarmless()
    {
        await using var connector = await FakeConnector.StartAsync(Replies.Created(), Replies.Hang(), Replies.Json(200, """{"id":"1:card"}"""));
        await WarmUpAsync(connector);

        var response = await Client(ShortAttempts()).UpdateActivityAsync(connector.ServiceUrl, "a:1", "1:card", Activity.Message("v2"), default);

        Assert.Equal("1:card", response.Id);
        Assert.True(connector.Requests.Count(r => r.Method == "PUT") >= 2, "the timed-out PUT was not retried");
    }

    /// <summary>
    /// Short enough to keep the tests quick, long enough that on a busy two-core machine only the held
    /// request times out. The warm-up takes the server's first-request cost out of the measured attempt.
    /// </summary>
    private static ConnectorResilienceOptions ShortAttempts()
    {
        var options = Fast();
        options.AttemptTimeout = TimeSpan.FromSeconds(1);
        return options;
    }

    private static async Task WarmUpAsync(FakeConnector connector)
    {
        using var plain = new HttpClient();
        using var response = await plain.PostAsync(connector.ServiceUrl + "warm-up", new StringContent("{}"));
        Assert.True(response.IsSuccessStatusCode);
    }

    [Fact]
    public async Task RetryAfterLongerThanMaxRetryAfter_FailsAsThrottledWithoutWaiting()
    {
        await using var connector = await FakeConnector.StartAsync(
            Replies.Json(429, """{"error":{"code":"Throttled","message":"slow down"}}""", ("Retry-After", "120")),
            Replies.Created());
        var clock = new ManualTimeProvider(); // never advanced: any wait would hang until WaitAsync gives up

        var send = Client(Fast(), clock).SendToConversationAsync(connector.ServiceUrl, "a:1", Activity.Message("hi"), default);
        var error = await Assert.ThrowsAsync<ConnectorException>(() => send.WaitAsync(TimeSpan.FromSeconds(5)));

        Assert.True(error.Throttled);
        Assert.Equal("Throttled", error.Code);
        Assert.Single(connector.Requests);
    }

    [Fact]
    public async Task RepeatedServerErrors_OpenTheCircuitSoLaterCallsFailFastWithoutReachingTheServer()
    {
        await using var connector = await FakeConnector.StartAsync(Replies.Status(500));
        var options = Fast();
        options.BreakerMinimumThroughput = 2;
        options.BreakerFailureRatio = 0.5;
        options.BreakerBreakDuration = TimeSpan.FromSeconds(30);
        var client = Client(options);

        var first = await Assert.ThrowsAsync<ConnectorException>(() => client.SendToConversationAsync(connector.ServiceUrl, "a:1", Activity.Message("1"), default));
        var second = await Assert.ThrowsAsync<ConnectorException>(() => client.SendToConversationAsync(connector.ServiceUrl, "a:1", Activity.Message("2"), default));
        var third = await Assert.ThrowsAsync<ConnectorException>(() => client.SendToConversationAsync(connector.ServiceUrl, "a:1", Activity.Message("3"), default));

        Assert.Equal(HttpStatusCode.InternalServerError, first.Status);
        Assert.Equal(HttpStatusCode.InternalServerError, second.Status);
        Assert.Equal("CircuitOpen", third.Code);
        Assert.Equal(2, connector.Requests.Count);
    }

    [Fact]
    public async Task OpenCircuit_OnlyAffectsThatConnectorHost()
    {
        await using var failing = await FakeConnector.StartAsync(Replies.Status(500));
        await using var healthy = await FakeConnector.StartAsync(Replies.Created("1:ok"));
        var options = Fast();
        options.BreakerMinimumThroughput = 2;
        var client = Client(options);
        for (var i = 0; i < 3; i++)
            await Assert.ThrowsAsync<ConnectorException>(() => client.SendToConversationAsync(failing.ServiceUrl, "a:1", Activity.Message("x"), default));

        var response = await client.SendToConversationAsync(healthy.ServiceUrl, "a:1", Activity.Message("y"), default);

        Assert.Equal("1:ok", response.Id);
    }

    private static ConnectorClient Client(ConnectorResilienceOptions options, TimeProvider? time = null) => new(new HttpClient(
        new ConnectorResilienceHandler(Options.Create(options), time ?? TimeProvider.System) { InnerHandler = new SocketsHttpHandler() })
    {
        Timeout = TimeSpan.FromSeconds(10),
    });
}
