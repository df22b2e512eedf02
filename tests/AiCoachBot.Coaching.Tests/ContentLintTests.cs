using System.Text.Json.Nodes;
using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Conversation;
using AiCoachBot.Coaching.Localization;
using AiCoachBot.Coaching.Tests.Support;

namespace AiCoachBot.Coaching.Tests;

/// <summary>The shipped content, checked the way start-up checks it, plus what a reader would notice.</summary>
public sealed class ContentLintTests
{
    private static readonly CoachingContent Content = CoachingContent.Load(Paths.Content, []);

    [Fact]
    public void ShippedContent_LoadsWithoutErrors() => Assert.NotEmpty(Content.Strings.Keys);

    [Theory]
    [InlineData(CardNames.Welcome)]
    [InlineData(CardNames.Help)]
    [InlineData(CardNames.Privacy)]
    public void EveryCard_RendersInBothLanguages_AsAdaptiveCard15_WithNothingLeftToFill(string name)
    {
        var replies = new Replies(Content);
        foreach (var language in Languages.All)
        {
            var card = name switch
            {
                CardNames.Welcome => replies.Welcome(language, "Alex").Card!,
                CardNames.Help => replies.Help(language).Card!,
                _ => replies.Privacy(language, modelConfigured: true, new StorageDescription(SharedDatabase: true)).Card!,
            };
            var json = card.ToJsonString();
            Assert.Equal("AdaptiveCard", card["type"]!.GetValue<string>());
            Assert.Equal("1.5", card["version"]!.GetValue<string>());
            Assert.DoesNotContain("{{", json);
            Assert.DoesNotMatch(@"(?<!\{)\{[a-zA-Z]+\}", json);
            Assert.False(string.IsNullOrWhiteSpace(card["fallbackText"]?.GetValue<string>()));
        }
    }

    [Fact]
    public void FrenchTexts_AreNotCopiesOfTheEnglishOnes()
    {
        var untranslated = Content.Strings.Keys
            .Where(k => Content.Strings.Get(Language.En, k) == Content.Strings.Get(Language.Fr, k))
            .Where(k => k is not ("flow.answered" or "scorecard.overall" or "command.sources.title" or "setup.phase"))
            .ToList();
        Assert.Empty(untranslated);
    }

    [Fact]
    public void HelpCard_ListsEveryCommandWithItsDescription()
    {
        var card = new Replies(Content).Help(Language.En).Card!;
        var facts = card["body"]!.AsArray().OfType<JsonObject>().Single(e => e["type"]!.GetValue<string>() == "FactSet")["facts"]!.AsArray();
        Assert.Equal(Content.Commands.Commands.Count(c => c.ShowInHelp), facts.Count);
        Assert.Contains(facts, f => f!["title"]!.GetValue<string>() == "privacy");
    }

    [Fact]
    public void EveryCommand_HasPhrasesInBothLanguages()
    {
        Assert.All(Content.Commands.Commands, c =>
        {
            Assert.NotEmpty(c.Phrases.En);
            Assert.NotEmpty(c.Phrases.Fr);
        });
    }
}
