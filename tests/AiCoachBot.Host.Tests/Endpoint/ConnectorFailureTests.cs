using System.Diagnostics;
using System.Net;
using AiCoachBot.Host.Tests.Support;

namespace AiCoachBot.Host.Tests.Endpoint;

/// <summary>Teams throttles and fails now and then: the user still gets the reply, and Teams always gets its 200.</summary>
public sealed class ConnectorFailureTests : BotTest
{
    [Fact]
    public async Task ReplyThrottledWithRetryAfter_IsSentAgainAfterTheWait()
    {
        var chat = PersonalChat();
        Connector.FailNext(429, retryAfterSeconds: 1);
        var delivered = Connector.NextMessageAsync(chat.ConversationId);
        var clock = Stopwatch.StartNew();

        using var response = await Bot.PostAsync(chat.Message("help"));
        var reply = await delivered;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Bot.En("help.title"), CardReader.Texts(reply.Card)[0]);
        Assert.Equal([429, 201], Connector.RequestsTo(chat.ConversationId).Select(r => r.Status));
        // A lower bound only: a slow machine can make it longer, never shorter.
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(900), $"Retry-After: 1 was not honoured ({clock.Elapsed.TotalMilliseconds} ms).");
    }

    [Theory]
    [InlineData(503)]
    [InlineData(412)]
    public async Task ReplyFailingOnceWithATransientStatus_IsSentAgain(int status)
    {
        var chat = PersonalChat();
        Connector.FailNext(status);

        var reply = await SayOneAsync(chat, "privacy");

        Assert.Equal(Bot.En("privacy.title"), CardReader.Texts(reply.Card)[0]);
        var attempts = Connector.RequestsTo(chat.ConversationId);
        Assert.Equal([status, 201], attempts.Select(r => r.Status));
        Assert.Equal(attempts[0].Body!.ToJsonString(), attempts[1].Body!.ToJsonString());
    }

    [Fact]
    public async Task ReplyForbiddenEveryTime_InboundStillAcknowledgedWith200_AndNotRetried()
    {
        var chat = PersonalChat();
        Connector.FailEveryRequest(403, "ConversationBlockedByUser");

        using var response = await Bot.PostAsync(chat.Message("help"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var attempts = Connector.RequestsTo(chat.ConversationId);
        Assert.All(attempts, r => Assert.Equal(403, r.Status));
        Assert.Single(attempts, r => r.IsCard); // the help card: refused, so not sent twice
        Assert.Empty(Connector.MessagesTo(chat.ConversationId));
    }

    [Fact]
    public async Task ReplyForbiddenOnce_UserIsToldSomethingWentWrong()
    {
        var chat = PersonalChat();
        Connector.FailNext(403);

        var reply = await SayOneAsync(chat, "help");

        Assert.Equal(Bot.En("error.turnFailed"), reply.Text);
    }

    [Fact]
    public async Task NextQuestionRefusedDuringAnInvoke_InvokeAnsweredWith200AndAnErrorBody()
    {
        var chat = PersonalChat();
        var question = await StartFlowAsync(chat);
        var yes = CardReader.Action(question.Card, Bot.En("flow.button.yes"));
        Connector.FailEveryRequest(403);

        var (status, body) = await ExecuteAsync(chat.Execute("flow.answer", CardData(yes["data"]), question.ResponseId));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("application/vnd.microsoft.error", body["type"]!.GetValue<string>());
        Assert.Equal(Bot.En("error.turnFailed"), body["value"]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task ReplyNeverAnswered_IsNotSentTwice_AndTheUserIsToldSomethingWentWrong()
    {
        var bot = StartBot(new Dictionary<string, string?> { ["Connector:Resilience:AttemptTimeout"] = "00:00:01" });
        var chat = PersonalChat();
        Connector.HangNext();

        var reply = await SayOneAsync(chat, "help", bot);

        // The card may have reached Teams before the answer was lost: repeating it could show it twice.
        Assert.Single(Connector.RequestsTo(chat.ConversationId), r => r.IsCard);
        Assert.Equal(bot.En("error.turnFailed"), reply.Text);
    }

    [Fact]
    public async Task ConnectorUnreachable_InboundStillAcknowledgedWith200()
    {
        var closed = await LoopbackServer.StartAsync(_ => Task.CompletedTask);
        var deadServiceUrl = closed.BaseAddress.ToString();
        await closed.DisposeAsync();
        var chat = ActivityBuilder.PersonalChat(deadServiceUrl);

        using var response = await Bot.PostAsync(chat.Message("help"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
