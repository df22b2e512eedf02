using System.Net;
using System.Text.Json.Nodes;
using AiCoachBot.Coaching.Localization;
using AiCoachBot.Host.Tests.Support;
using static AiCoachBot.Host.Tests.Support.Expect;

namespace AiCoachBot.Host.Tests.Conversation;

/// <summary>
/// Question cards answered with Action.Execute: Teams waits for the invoke's answer, which replaces the
/// pressed card, while the next question arrives through the connector.
/// </summary>
public sealed class ExecuteActionTests : BotTest
{
    private const string CardType = "application/vnd.microsoft.card.adaptive";
    private const string MessageType = "application/vnd.microsoft.activity.message";
    private const string ErrorType = "application/vnd.microsoft.error";

    [Fact]
    public async Task ExecuteYes_ReplacesTheCardWithTheAnswer_AndPostsTheNextQuestion()
    {
        var chat = PersonalChat();
        var question = await StartFlowAsync(chat);
        var yes = CardReader.Action(question.Card, Bot.En("flow.button.yes"));
        Assert.Equal("Action.Execute", yes["type"]!.GetValue<string>());
        var nextQuestion = Connector.NextMessageAsync(chat.ConversationId); // waiting before it is sent

        var (status, body) = await ExecuteAsync(chat.Execute(yes["verb"]!.GetValue<string>(), CardData(yes["data"]), question.ResponseId));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(200, body["statusCode"]!.GetValue<int>());
        Assert.Equal(CardType, body["type"]!.GetValue<string>());
        Assert.Equal(
            [HostTestFlow.Title(Language.En), "Is there a named business sponsor?", Bot.En("flow.answered", ("answer", Bot.En("answer.yes")))],
            CardReader.Texts(body["value"]));
        Assert.False(body["value"]!.AsObject().ContainsKey("actions"), "An answered card has no buttons left to press twice.");
        Asks("stage").Check(await nextQuestion, Bot, Language.En);
    }

    [Fact]
    public async Task ExecuteWithTheInputValue_AnswersAChoiceQuestion()
    {
        var chat = PersonalChat();
        await TalkAsync(chat, new Line(HostTestFlow.TriggerEn, Asks("sponsor")));
        var question = (await TalkAsync(chat, new Line("yes", Asks("stage")))).Single();
        var data = CardData(CardReader.FlowData(question.Card));
        data["answer"] = "pilot"; // Teams merges the inputs into the button's data

        var (status, body) = await ExecuteAsync(chat.Execute("flow.answer", data, question.ResponseId));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(CardType, body["type"]!.GetValue<string>());
        Assert.Equal(Bot.En("flow.answered", ("answer", "Pilot")), CardReader.Texts(body["value"])[^1]);
        Asks("quality").Check(await Connector.NextMessageAsync(chat.ConversationId), Bot, Language.En);
    }

    /// <summary>Each step, the value its card input sends (as Teams sends it: a string), and the answer read back.</summary>
    public static TheoryData<string, string, string> CardAnswers => new()
    {
        { "sponsor", "yes", "Yes" },
        { "stage", "discovery", "Discovery" },
        { "quality", "5", "5/5" },
        { "budget", "99.5", "99.5" },
        { "golive", "2027-03-31", "31 March 2027" },
        { "goal", "Cut [costs](https://example.com) by **half**", "Cut [costs](https://example.com) by **half**" },
        { "risks", "data,cost", "Data, Cost" },
    };

    [Fact]
    public async Task EveryStepAnsweredWithItsCardInput_CompletesTheFlow()
    {
        var chat = PersonalChat();
        var question = await StartFlowAsync(chat);

        foreach (var row in CardAnswers)
        {
            var (step, input, shown) = ((string)row[0], (string)row[1], (string)row[2]);
            Assert.Equal(step, CardReader.StepOf(question.Card));
            var data = CardData(CardReader.FlowData(question.Card));
            data["answer"] = input;

            var (status, body) = await ExecuteAsync(chat.Execute("flow.answer", data, question.ResponseId));

            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal(Bot.En("flow.answered", ("answer", shown)), CardReader.Texts(body["value"])[^1]);
            question = await Connector.NextMessageAsync(chat.ConversationId);
        }

        Summarizes([.. CardAnswers.Select(row => (string)row[2])]).Check(question, Bot, Language.En);
    }

    [Fact]
    public async Task ExecuteWithAStaleToken_AnswersWithAMessage_AndChangesNothing()
    {
        var chat = PersonalChat();
        var question = await StartFlowAsync(chat);
        var yes = CardReader.Action(question.Card, Bot.En("flow.button.yes"));
        await ExecuteAsync(chat.Execute("flow.answer", CardData(yes["data"]), question.ResponseId));
        await Connector.NextMessageAsync(chat.ConversationId);

        var (status, body) = await ExecuteAsync(chat.Execute("flow.answer", CardData(yes["data"]), question.ResponseId));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(200, body["statusCode"]!.GetValue<int>());
        Assert.Equal(MessageType, body["type"]!.GetValue<string>());
        Assert.Equal(Bot.En("flow.stale"), body["value"]!.GetValue<string>());
        Assert.Empty(Connector.UnreadMessages(chat.ConversationId));
        await TalkAsync(chat, new Line("pilot", Asks("quality")));
    }

    [Fact]
    public async Task YesPressedTwiceAtOnce_OnlyOneAnswerCounts()
    {
        var chat = PersonalChat();
        var question = await StartFlowAsync(chat);
        var yes = CardReader.Action(question.Card, Bot.En("flow.button.yes"));

        var answers = await Task.WhenAll(
            ExecuteAsync(chat.Execute("flow.answer", CardData(yes["data"]), question.ResponseId)),
            ExecuteAsync(chat.Execute("flow.answer", CardData(yes["data"]), question.ResponseId)));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.Equal(new[] { CardType, MessageType }.Order(), answers.Select(a => a.Body["type"]!.GetValue<string>()).Order());
        Asks("stage").Check(await Connector.NextMessageAsync(chat.ConversationId), Bot, Language.En);
        Assert.Empty(Connector.UnreadMessages(chat.ConversationId));
    }

    [Fact]
    public async Task ExecuteWithAnInvalidValue_ReplacesTheCardWithTheQuestionAndTheError()
    {
        var chat = PersonalChat();
        var question = (await TalkAsync(chat,
            new Line(HostTestFlow.TriggerEn, Asks("sponsor")),
            new Line("yes", Asks("stage")),
            new Line("pilot", Asks("quality")),
            new Line("4", Asks("budget"))))[^1];
        var data = CardData(CardReader.FlowData(question.Card));
        data["answer"] = "5000";

        var (status, body) = await ExecuteAsync(chat.Execute("flow.answer", CardData(data), question.ResponseId));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(CardType, body["type"]!.GetValue<string>());
        var card = body["value"]!.AsObject();
        Assert.Equal("budget", CardReader.StepOf(card));
        Assert.Contains(Bot.En("flow.invalid.numberRange", ("min", "0"), ("max", "100")), CardReader.Texts(card));
        Assert.Empty(Connector.UnreadMessages(chat.ConversationId));

        // Not advanced: the same card answers the same question.
        data["answer"] = "55";
        var (_, accepted) = await ExecuteAsync(chat.Execute("flow.answer", CardData(data), question.ResponseId));
        Assert.Equal(Bot.En("flow.answered", ("answer", "55")), CardReader.Texts(accepted["value"])[^1]);
        Asks("golive").Check(await Connector.NextMessageAsync(chat.ConversationId), Bot, Language.En);
    }

    [Fact]
    public async Task ExecuteBack_PostsThePreviousQuestion()
    {
        var chat = PersonalChat();
        await StartFlowAsync(chat);
        var second = (await TalkAsync(chat, new Line("no", Asks("stage")))).Single();
        var back = CardReader.Action(second.Card, Bot.En("flow.button.back"));

        var (status, body) = await ExecuteAsync(chat.Execute(back["verb"]!.GetValue<string>(), CardData(back["data"]), second.ResponseId));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(MessageType, body["type"]!.GetValue<string>());
        Assert.Equal(Bot.En("card.actionDone"), body["value"]!.GetValue<string>());
        Asks("sponsor").Check(await Connector.NextMessageAsync(chat.ConversationId), Bot, Language.En);
    }

    [Fact]
    public async Task ExecuteOfAnUnknownVerb_AnswersPolitelyWithAMessage()
    {
        var chat = PersonalChat();

        var (status, body) = await ExecuteAsync(chat.Execute("order.pizza", new JsonObject { ["size"] = "large" }));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(MessageType, body["type"]!.GetValue<string>());
        Assert.Equal(Bot.En("card.unknownAction"), body["value"]!.GetValue<string>());
        Assert.Empty(Connector.RequestsTo(chat.ConversationId));
    }

    [Theory]
    [InlineData("""{"trigger":"manual"}""")]
    [InlineData("""{"action":{"type":"Action.Submit","data":{}}}""")]
    [InlineData("""{"action":"flow.answer"}""")]
    [InlineData("null")]
    public async Task InvokeWithoutAnActionExecute_Is400WithAnErrorBody(string value)
    {
        var chat = PersonalChat();

        var (status, body) = await ExecuteAsync(chat.Invoke(JsonNode.Parse(value)));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(400, body["statusCode"]!.GetValue<int>());
        Assert.Equal(ErrorType, body["type"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(body["value"]!["message"]!.GetValue<string>()));
        Assert.Empty(Connector.RequestsTo(chat.ConversationId));
    }
}
