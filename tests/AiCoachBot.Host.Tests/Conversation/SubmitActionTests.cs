using System.Text.Json.Nodes;
using AiCoachBot.Coaching.Localization;
using AiCoachBot.Host.Tests.Support;
using static AiCoachBot.Host.Tests.Support.Expect;

namespace AiCoachBot.Host.Tests.Conversation;

/// <summary>
/// Question cards answered with Action.Submit, as older clients do: a message carrying the card's data,
/// after which the bot updates the answered card itself.
/// </summary>
public sealed class SubmitActionTests : BotTest
{
    [Fact]
    public async Task SubmitAnswer_UpdatesTheAnsweredCard_AndPostsTheNextQuestion()
    {
        var chat = PersonalChat();
        await StartFlowAsync(chat);
        var question = (await TalkAsync(chat, new Line("yes", Asks("stage")))).Single();
        var data = CardReader.FlowData(question.Card);
        var value = new JsonObject
        {
            ["action"] = "flow.answer",
            ["flow"] = data["flow"]!.GetValue<string>(),
            ["step"] = data["step"]!.GetValue<string>(),
            ["token"] = data["token"]!.GetValue<int>(),
            ["answer"] = "production",
        };

        var next = (await SendAsync(chat, chat.Submit(value, replyToId: question.ResponseId), replies: 1)).Single();

        Asks("quality").Check(next, Bot, Language.En);
        var requests = Connector.RequestsTo(chat.ConversationId);
        var update = Assert.Single(requests, r => r.Method == "PUT");
        Assert.Equal(question.ResponseId, update.ActivityId);
        Assert.Equal(200, update.Status);
        Assert.Equal(Bot.En("flow.answered", ("answer", "Production")), CardReader.Texts(update.Card)[^1]);
        Assert.True(requests.ToList().IndexOf(update) < requests.ToList().IndexOf(next), "The answered card is updated before the next question is posted.");
    }

    [Fact]
    public async Task AnsweredCardCannotBeUpdated_TheNextQuestionIsStillPosted()
    {
        var chat = PersonalChat();
        var question = await StartFlowAsync(chat);
        var value = CardData(CardReader.FlowData(question.Card));
        value["answer"] = "no";
        Connector.FailNext(403, code: "BotNotInConversationRoster"); // the PUT comes first

        var next = (await SendAsync(chat, chat.Submit(value, replyToId: question.ResponseId), replies: 1)).Single();

        Asks("stage").Check(next, Bot, Language.En);
        Assert.Equal(403, Assert.Single(Connector.RequestsTo(chat.ConversationId), r => r.Method == "PUT").Status);
    }

    [Fact]
    public async Task SubmitWithAStaleToken_SaysTheQuestionIsClosed_AndUpdatesNothing()
    {
        var chat = PersonalChat();
        var first = await StartFlowAsync(chat);
        await TalkAsync(chat, new Line("yes", Asks("stage")));
        var stale = CardData(CardReader.FlowData(first.Card));
        stale["answer"] = "no";

        var reply = (await SendAsync(chat, chat.Submit(stale, replyToId: first.ResponseId), replies: 1)).Single();

        Assert.Equal(Bot.En("flow.stale"), reply.Text);
        Assert.DoesNotContain(Connector.RequestsTo(chat.ConversationId), r => r.Method == "PUT");
    }

    [Fact]
    public async Task SubmitWithAnInvalidAnswer_ExplainsAndAsksAgain()
    {
        var chat = PersonalChat();
        var question = await StartFlowAsync(chat);
        var value = CardData(CardReader.FlowData(question.Card));
        value["answer"] = "perhaps";

        var replies = await SendAsync(chat, chat.Submit(value, replyToId: question.ResponseId), replies: 2);

        Tells("flow.invalid.yesno").Check(replies[0], Bot, Language.En);
        Asks("sponsor").Check(replies[1], Bot, Language.En);
        Assert.DoesNotContain(Connector.RequestsTo(chat.ConversationId), r => r.Method == "PUT");
    }
}
