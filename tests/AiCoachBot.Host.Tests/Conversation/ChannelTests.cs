using System.Net;
using AiCoachBot.Coaching.Localization;
using AiCoachBot.Host.Tests.Support;
using static AiCoachBot.Host.Tests.Support.Expect;

namespace AiCoachBot.Host.Tests.Conversation;

/// <summary>In a channel several people talk to the bot in one conversation: each has a flow of their own.</summary>
public sealed class ChannelTests : BotTest
{
    [Fact]
    public async Task TwoUsersInOneThread_EachHaveTheirOwnFlow()
    {
        var ada = TeamChannel();
        var grace = ada.AnotherUser("Grace Hopper");

        Asks("sponsor").Check(await SayOneAsync(ada, $"{ActivityBuilder.Mention} {HostTestFlow.TriggerEn}"), Bot, Language.En);
        var graceReply = await SayOneAsync(grace, $"{ActivityBuilder.Mention} yes");
        var adaReply = await SayOneAsync(ada, $"{ActivityBuilder.Mention} yes");

        Assert.Equal(Bot.En("message.notUnderstood"), graceReply.Text);
        Asks("stage").Check(adaReply, Bot, Language.En);
    }

    [Fact]
    public async Task ColleaguePressingMyQuestionCard_IsToldItIsNotOpenForThem()
    {
        var ada = TeamChannel();
        var grace = ada.AnotherUser("Grace Hopper");
        var question = await SayOneAsync(ada, $"{ActivityBuilder.Mention} {HostTestFlow.TriggerEn}");
        var yes = CardReader.Action(question.Card, Bot.En("flow.button.yes"));

        var (status, body) = await ExecuteAsync(grace.Execute("flow.answer", CardData(yes["data"]), question.ResponseId));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(Bot.En("flow.stale"), body["value"]!.GetValue<string>());
        Assert.Empty(Connector.UnreadMessages(ada.ConversationId));
        Asks("stage").Check(await SayOneAsync(ada, $"{ActivityBuilder.Mention} yes"), Bot, Language.En);
    }
}
