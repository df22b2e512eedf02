using System.Net;
using AiCoachBot.Host.Tests.Support;

namespace AiCoachBot.Host.Tests.Conversation;

public sealed class WelcomeTests : BotTest
{
    [Fact]
    public async Task BotAddedToPersonalChat_PostsOneWelcomeCard()
    {
        var chat = PersonalChat();

        var welcome = (await SendAsync(chat, chat.BotAdded(), replies: 1)).Single();

        Assert.Null(welcome.ActivityId); // posted into the chat, not as a reply to the install event
        var card = welcome.Card;
        Assert.Equal("AdaptiveCard", card["type"]!.GetValue<string>());
        Assert.Equal("1.5", card["version"]!.GetValue<string>());
        Assert.Equal(
            [Bot.En("welcome.title", ("name", " Ada")), Bot.En("welcome.intro"), Bot.En("welcome.next")],
            CardReader.Texts(card));
        Assert.Equal("help", CardReader.Action(card, Bot.En("welcome.button.help"))["data"]!["command"]!.GetValue<string>());
        Assert.Equal("privacy", CardReader.Action(card, Bot.En("welcome.button.privacy"))["data"]!["command"]!.GetValue<string>());
        Assert.Equal(ActivityBuilder.BotId, welcome.Body!["from"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task InstallationUpdateAfterConversationUpdate_DoesNotWelcomeTwice()
    {
        var chat = PersonalChat();
        await SendAsync(chat, chat.BotAdded(), replies: 1);

        await SendAsync(chat, chat.InstallationAdd(), replies: 0);

        Assert.Single(Connector.MessagesTo(chat.ConversationId));
    }

    [Fact]
    public async Task ConversationUpdateAndInstallationUpdateAtOnce_WelcomeExactlyOnce()
    {
        var chat = PersonalChat();

        var responses = await Task.WhenAll(Bot.PostAsync(chat.BotAdded()), Bot.PostAsync(chat.InstallationAdd()));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Single(Connector.MessagesTo(chat.ConversationId));
    }

    [Fact]
    public async Task OnlyAUserAdded_SendsNothing()
    {
        var chat = PersonalChat();

        await SendAsync(chat, chat.MembersAdded("29:1someoneelse"), replies: 0);

        Assert.Empty(Connector.RequestsTo(chat.ConversationId));
    }

    [Fact]
    public async Task FrenchLocale_WelcomesInFrench()
    {
        var chat = PersonalChat(locale: "fr-FR");

        var card = (await SendAsync(chat, chat.BotAdded(), replies: 1)).Single().Card;

        var texts = CardReader.Texts(card);
        Assert.Equal(Bot.Fr("welcome.title", ("name", " Ada")), texts[0]);
        Assert.NotEqual(Bot.En("welcome.title", ("name", " Ada")), texts[0]);
        Assert.Contains(Bot.Fr("welcome.next"), texts);
        Assert.Equal(Bot.Fr("welcome.button.help"), CardReader.Actions(card)[0]["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task BotAddedToTwoChannelsOfOneTeam_WelcomesTheTeamOnceWithoutAName()
    {
        var general = TeamChannel();
        var other = TeamChannel(teamId: general.TeamId);

        var welcome = (await SendAsync(general, general.BotAdded(), replies: 1)).Single();
        await SendAsync(other, other.BotAdded(), replies: 0);

        Assert.Equal(general.ConversationId, welcome.ConversationId);
        Assert.Equal(Bot.En("welcome.title", ("name", "")), CardReader.Texts(welcome.Card)[0]);
        Assert.Equal("setup", CardReader.Action(welcome.Card, Bot.En("welcome.button.setup"))["data"]!["command"]!.GetValue<string>());
        Assert.Empty(Connector.RequestsTo(other.ConversationId));
    }

    [Fact]
    public async Task BotAddedToTwoChannelsOfOneTeamAtOnce_WelcomesTheTeamOnce()
    {
        var general = TeamChannel();
        var other = TeamChannel(teamId: general.TeamId);

        var responses = await Task.WhenAll(Bot.PostAsync(general.BotAdded()), Bot.PostAsync(other.BotAdded()));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Single(Connector.MessagesTo(general.ConversationId).Concat(Connector.MessagesTo(other.ConversationId)));
    }

    [Fact]
    public async Task InstallationUpdateAlone_Welcomes()
    {
        var chat = PersonalChat();

        var welcome = (await SendAsync(chat, chat.InstallationAdd(), replies: 1)).Single();

        Assert.Equal(Bot.En("welcome.title", ("name", " Ada")), CardReader.Texts(welcome.Card)[0]);
    }

    [Fact]
    public async Task Uninstall_SendsNothing()
    {
        var chat = PersonalChat();
        var uninstall = chat.InstallationAdd();
        uninstall["action"] = "remove";

        await SendAsync(chat, uninstall, replies: 0);

        Assert.Empty(Connector.RequestsTo(chat.ConversationId));
    }

    [Fact]
    public async Task MembersAddedWithAnEmptyEntry_StillWelcomes()
    {
        var chat = PersonalChat();
        var added = chat.BotAdded();
        added["membersAdded"]!.AsArray().Insert(0, null);

        var welcome = (await SendAsync(chat, added, replies: 1)).Single();

        Assert.Equal(Bot.En("welcome.title", ("name", " Ada")), CardReader.Texts(welcome.Card)[0]);
    }
}
