using System.Globalization;
using AiCoachBot.Coaching.Localization;

namespace AiCoachBot.Host.Tests.Support;

/// <summary>One line of a conversation script: what the user types and every message the bot must answer with.</summary>
public sealed record Line(string Says, params Expect[] Answers);

/// <summary>What one message of the bot must be. Texts come from the content files, in the chat's language.</summary>
public abstract record Expect
{
    public abstract void Check(ConnectorRequest message, TestBot bot, Language language);

    /// <summary>The question card of a step of the host test flow, with its "Question n of 7" line.</summary>
    public static Expect Asks(string step) => new AsksQuestion(step);

    /// <summary>A plain text; <c>{title}</c> is the flow's title unless given.</summary>
    public static Expect Tells(string key, params (string Name, string Value)[] args) => new TellsText(key, args);

    /// <summary>A card whose first line is the text <paramref name="titleKey"/>.</summary>
    public static Expect ShowsCard(string titleKey) => new ShowsCardTitled(titleKey);

    /// <summary>The completion card, listing the answers as the user reads them back.</summary>
    public static Expect Summarizes(params string[] displayedAnswers) => new SummarizesAnswers(displayedAnswers);

    private sealed record AsksQuestion(string Step) : Expect
    {
        public override void Check(ConnectorRequest message, TestBot bot, Language language)
        {
            var card = message.Card;
            Assert.Equal(Step, CardReader.StepOf(card));
            Assert.Equal(HostTestFlow.Id, CardReader.FlowData(card)["flow"]!.GetValue<string>());
            Assert.Equal(bot.Text(language, "flow.progress",
                    ("index", HostTestFlow.Position(Step).ToString(CultureInfo.InvariantCulture)),
                    ("count", HostTestFlow.Steps.Length.ToString(CultureInfo.InvariantCulture)),
                    ("title", HostTestFlow.Title(language))),
                CardReader.Texts(card)[0]);
        }
    }

    private sealed record TellsText(string Key, (string Name, string Value)[] Args) : Expect
    {
        public override void Check(ConnectorRequest message, TestBot bot, Language language)
        {
            Assert.False(message.IsCard, $"Expected the text '{Key}', got a card: {message.Body?.ToJsonString()}");
            var args = new[] { ("title", HostTestFlow.Title(language)) }.Concat(Args).ToArray();
            Assert.Equal(bot.Text(language, Key, args), message.Text);
        }
    }

    private sealed record ShowsCardTitled(string TitleKey) : Expect
    {
        public override void Check(ConnectorRequest message, TestBot bot, Language language) =>
            Assert.Equal(bot.Text(language, TitleKey), CardReader.Texts(message.Card)[0]);
    }

    private sealed record SummarizesAnswers(string[] DisplayedAnswers) : Expect
    {
        public override void Check(ConnectorRequest message, TestBot bot, Language language)
        {
            var texts = CardReader.Texts(message.Card);
            Assert.Equal(bot.Text(language, "flow.summary.title", ("title", HostTestFlow.Title(language))), texts[0]);
            Assert.Equal(HostTestFlow.Completion(language), texts[1]);
            // After the two heading lines come (prompt, answer) pairs.
            Assert.Equal(DisplayedAnswers, texts.Skip(2).Where((_, i) => i % 2 == 1));
            Assert.False(message.Card.ContainsKey("actions"), "A summary has nothing left to press.");
        }
    }
}
