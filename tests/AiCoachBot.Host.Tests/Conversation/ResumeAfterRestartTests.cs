using System.Net;
using AiCoachBot.Host.Tests.Support;
using static AiCoachBot.Host.Tests.Support.Expect;

namespace AiCoachBot.Host.Tests.Conversation;

/// <summary>A flow lives in the data folder, not in the process: a restarted bot carries on where the user was.</summary>
public sealed class ResumeAfterRestartTests : BotTest
{
    [Fact]
    public async Task BotRestartedAfterTwoAnswers_NextAnswerContinuesAtQuestionThree()
    {
        var chat = PersonalChat();
        await TalkAsync(chat,
            new Line(HostTestFlow.TriggerEn, Asks("sponsor")),
            new Line("yes", Asks("stage")),
            new Line("pilot", Asks("quality")));

        await StopAsync(Bot);
        Bot = StartBot();

        await TalkAsync(chat,
            new Line("4", Asks("budget")),
            new Line("10", Asks("golive")),
            new Line("2027-01-15", Asks("goal")),
            new Line("Answer customers faster", Asks("risks")),
            new Line("people", Summarizes("Yes", "Pilot", "4/5", "10", "15 January 2027", "Answer customers faster", "People")));
    }

    [Fact]
    public async Task CardSentBeforeTheRestart_StillAnswersTheOpenQuestion()
    {
        var chat = PersonalChat();
        var question = (await TalkAsync(chat, new Line(HostTestFlow.TriggerEn, Asks("sponsor")))).Single();
        var yes = CardReader.Action(question.Card, Bot.En("flow.button.yes"));

        await StopAsync(Bot);
        Bot = StartBot();
        var (status, body) = await ExecuteAsync(chat.Execute(yes["verb"]!.GetValue<string>(), CardData(yes["data"]), question.ResponseId));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("application/vnd.microsoft.card.adaptive", body["type"]!.GetValue<string>());
        Asks("stage").Check(await Connector.NextMessageAsync(chat.ConversationId), Bot, Coaching.Localization.Language.En);
    }
}
