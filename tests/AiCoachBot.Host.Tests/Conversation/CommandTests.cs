using System.Text.Json.Nodes;
using AiCoachBot.Coaching.Localization;
using AiCoachBot.Host.Tests.Support;

namespace AiCoachBot.Host.Tests.Conversation;

public sealed class CommandTests : BotTest
{
    private static readonly string[] CommandIds = ["help", "privacy", "cancel", "back", "restart"];

    /// <summary>What the user types, their Teams locale, and the language the answer must be in.</summary>
    public static TheoryData<string, string, Language> HelpRequests => new()
    {
        { "help", "en-US", Language.En },
        { "aide", "fr-FR", Language.Fr },
        { "AIDE", "en-GB", Language.En },
        { "Help!", "en-US", Language.En },
        { "  help  ", "fr-CA", Language.Fr },
    };

    [Theory]
    [MemberData(nameof(HelpRequests))]
    public async Task HelpInAnyCaseOrLanguage_AnswersWithTheHelpCardInTheUsersLanguage(string says, string locale, Language language)
    {
        var chat = PersonalChat(locale);

        var reply = await SayOneAsync(chat, says);

        AssertHelpCard(reply.Card, language);
    }

    [Fact]
    public async Task HelpAfterMentionInChannel_RepliesInTheThreadWithTheHelpCard()
    {
        var channel = TeamChannel();
        var message = channel.Message($"{ActivityBuilder.Mention} help");

        var reply = (await SendAsync(channel, message, replies: 1)).Single();

        AssertHelpCard(reply.Card, Language.En);
        Assert.Equal(channel.ConversationId, reply.ConversationId);
        Assert.Equal(message["id"]!.GetValue<string>(), reply.ActivityId);
        Assert.Equal(message["id"]!.GetValue<string>(), reply.Body!["replyToId"]!.GetValue<string>());
        Assert.Contains("%3B", reply.RawPath); // the ';' of the thread id travels escaped
    }

    [Theory]
    [InlineData("privacy", "en-US", Language.En)]
    [InlineData("confidentialité", "fr-FR", Language.Fr)]
    [InlineData("CONFIDENTIALITE", "fr-FR", Language.Fr)]
    public async Task Privacy_AnswersWithThePrivacyCard(string says, string locale, Language language)
    {
        var chat = PersonalChat(locale);

        var reply = await SayOneAsync(chat, says);

        AssertPrivacyCard(reply.Card, language);
    }

    [Fact]
    public async Task PrivacyButtonOfTheHelpCard_AnswersWithThePrivacyCard()
    {
        var chat = PersonalChat();
        var help = await SayOneAsync(chat, "help");
        var button = CardReader.Action(help.Card, Bot.En("help.button.privacy"));
        Assert.Equal("Action.Submit", button["type"]!.GetValue<string>());

        var reply = (await SendAsync(chat, chat.Submit(CardData(button["data"]), replyToId: help.ResponseId), replies: 1)).Single();

        AssertPrivacyCard(reply.Card, Language.En);
    }

    [Fact]
    public async Task HelpButtonOfTheWelcomeCard_AnswersWithTheHelpCard()
    {
        var chat = PersonalChat();
        var welcome = (await SendAsync(chat, chat.BotAdded(), replies: 1)).Single();
        var button = CardReader.Action(welcome.Card, Bot.En("welcome.button.help"));

        var reply = (await SendAsync(chat, chat.Submit(CardData(button["data"]), replyToId: welcome.ResponseId), replies: 1)).Single();

        AssertHelpCard(reply.Card, Language.En);
    }

    [Fact]
    public async Task FlowButtonOfTheHelpCard_StartsTheFlow()
    {
        var chat = PersonalChat();
        var help = await SayOneAsync(chat, "help");
        var button = CardReader.Action(help.Card, "Host test check");

        var reply = (await SendAsync(chat, chat.Submit(CardData(button["data"]), replyToId: help.ResponseId), replies: 1)).Single();

        Assert.Equal("sponsor", CardReader.StepOf(reply.Card));
    }

    /// <summary>User says / bot answers, for commands that have nothing to act on.</summary>
    public static TheoryData<string, string, string> PlainAnswers => new()
    {
        { "cancel", "en-US", "command.nothingToCancel" },
        { "Annuler", "fr-FR", "command.nothingToCancel" },
        { "back", "en-US", "command.nothingToGoBack" },
        { "retour", "fr-FR", "command.nothingToGoBack" },
        { "start over", "en-US", "command.nothingToRestart" },
        { "what is the weather like", "en-US", "coach.notCovered" },
        { "quel temps fait-il", "fr-FR", "coach.notCovered" },
        { "<p></p>", "en-US", "message.empty" },
    };

    [Theory]
    [MemberData(nameof(PlainAnswers))]
    public async Task CommandWithNothingToActOn_AnswersInPlainWords(string says, string locale, string expectedKey)
    {
        var chat = PersonalChat(locale);

        var reply = await SayOneAsync(chat, says);

        Assert.False(reply.IsCard);
        Assert.Equal(Bot.Text(Languages.FromLocale(locale), expectedKey), reply.Text);
    }

    private void AssertHelpCard(JsonObject card, Language language)
    {
        Assert.Equal("1.5", card["version"]!.GetValue<string>());
        var texts = CardReader.Texts(card);
        Assert.Equal(Bot.Text(language, "help.title"), texts[0]);
        Assert.Equal(Bot.Text(language, "help.intro"), texts[1]);
        foreach (var id in CommandIds)
            Assert.Contains($"{Bot.Text(language, $"command.{id}.title")}: {Bot.Text(language, $"command.{id}.description")}", texts);
        Assert.Equal(Bot.Text(language, "help.flows"), texts[^1]);

        var start = CardReader.Action(card, language == Language.Fr ? "Vérification de l'hôte" : "Host test check");
        Assert.Equal("start", start["data"]!["command"]!.GetValue<string>());
        Assert.Equal("host-test", start["data"]!["flow"]!.GetValue<string>());
        var privacy = CardReader.Action(card, Bot.Text(language, "help.button.privacy"));
        Assert.True(JsonNode.DeepEquals(new JsonObject { ["command"] = "privacy" }, privacy["data"]));
    }

    private void AssertPrivacyCard(JsonObject card, Language language)
    {
        Assert.Equal("1.5", card["version"]!.GetValue<string>());
        var storage = Bot.Text(language, "privacy.storage.sqlite");
        Assert.Equal(
            [
                Bot.Text(language, "privacy.title"),
                Bot.Text(language, "privacy.stored.heading"), Bot.Text(language, "privacy.stored", ("storage", storage)),
                Bot.Text(language, "privacy.notStored.heading"), Bot.Text(language, "privacy.notStored"),
                Bot.Text(language, "privacy.sent.heading"), Bot.Text(language, "privacy.sent", ("model", Bot.Text(language, "privacy.model.none"))),
                Bot.Text(language, "privacy.erase.heading"), Bot.Text(language, "privacy.erase", ("days", "90")),
            ],
            CardReader.Texts(card));
        Assert.Equal("help", CardReader.Action(card, Bot.Text(language, "privacy.button.help"))["data"]!["command"]!.GetValue<string>());
    }
}
