using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Diagnostics;
using AiCoachBot.Coaching.Tests.Support;

namespace AiCoachBot.Coaching.Tests;

/// <summary>The shipped pitfall catalogue is complete, in both languages, and a broken one stops start-up with the file and line.</summary>
public sealed class PitfallCatalogTests
{
    private static readonly PitfallCatalog Catalog = CoachingContent.Load(Paths.Content, []).Diagnostic;

    [Fact]
    public void TheThirteenPitfallsOfTheMethodology_AreInTheCatalogue()
    {
        string[] methodology =
        [
            "technology_first", "data_underestimated", "change_neglected", "no_kpis", "poc_not_production", "runaway_costs", "late_compliance",
            "no_monitoring", "vendor_dependency", "no_internal_relay", "big_bang_rollout", "team_silos", "vague_goals",
        ];
        Assert.Empty(methodology.Except(Catalog.Pitfalls.Select(p => p.Id)));
    }

    [Fact]
    public void EveryPitfall_HasTheWholeDescription_InBothLanguages()
    {
        Assert.All(Catalog.Pitfalls, p =>
        {
            foreach (var text in new[] { p.Name.En, p.Name.Fr, p.Description.En, p.Description.Fr, p.Remedies.Week.En, p.Remedies.Week.Fr, p.Remedies.Quarter.En, p.Remedies.Quarter.Fr })
                Assert.False(string.IsNullOrWhiteSpace(text), p.Id);
            Assert.True(p.Description.En.Count(c => c == '.') >= 2 && p.Description.Fr.Count(c => c == '.') >= 2, $"{p.Id}: the description has two sentences");
            Assert.True(p.Symptoms.En.Count >= 5 && p.Symptoms.Fr.Count >= 5, $"{p.Id}: symptoms in both languages");
            Assert.NotEmpty(p.Questions);
            Assert.NotEmpty(p.Articles);
            Assert.Contains(Catalog.Rules.Rules, r => r.Points!.Dimension == p.Id);
        });
    }

    [Fact]
    public void EveryQuestion_OptionAndRuleRationale_ExistsInBothLanguages()
    {
        Assert.All(Catalog.Questions.Steps, s =>
        {
            Assert.False(string.IsNullOrWhiteSpace(s.Prompt.En) || string.IsNullOrWhiteSpace(s.Prompt.Fr), s.Id);
            Assert.All(s.Options, o => Assert.False(string.IsNullOrWhiteSpace(o.Label.En) || string.IsNullOrWhiteSpace(o.Label.Fr), $"{s.Id}.{o.Id}"));
        });
        Assert.All(Catalog.Rules.Rules, r => Assert.False(string.IsNullOrWhiteSpace(r.Rationale.En) || string.IsNullOrWhiteSpace(r.Rationale.Fr), r.Id));
    }

    [Fact]
    public void AtMostFifteenQuestions_AreEverAsked() => Assert.InRange(Catalog.MaxQuestions, 1, 15);

    [Theory]
    [InlineData("pitfalls.yaml", "      fr: ", "      de: ", "unknown key 'de'")]
    [InlineData("pitfalls.yaml", "severity: high", "severity: extreme", "severity 'extreme' is not known")]
    [InlineData("pitfalls.yaml", "maxQuestions: 15", "maxQuestions: 40", "'maxQuestions' must be a whole number from 1 to 15")]
    [InlineData("questions.yaml", "    prompt:\n      en: ", "    prompt:\n      english: ", "unknown key 'english'")]
    public void ABrokenCatalogue_StopsStartUp_SayingWhereAndWhy(string file, string from, string to, string expected)
    {
        using var copy = new ContentCopy();
        ReplaceFirst(copy, $"diagnostic/{file}", from, to);
        var error = Assert.Throws<ContentValidationException>(() => CoachingContent.Load(copy.Root, []));
        Assert.Contains($"diagnostic/{file}:", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void ARuleTestingAQuestionItsPitfallDoesNotAsk_IsRefused()
    {
        using var copy = new ContentCopy();
        var other = Catalog.Questions.Steps.First(s => !Catalog.Pitfalls[0].Questions.Contains(s.Id));
        var firstRule = Catalog.Rules.Rules.First(r => r.Points!.Dimension == Catalog.Pitfalls[0].Id);
        var question = firstRule.When.Questions.First();
        ReplaceFirst(copy, "diagnostic/pitfalls.yaml", $"question: {question}", $"question: {other.Id}");
        var error = Assert.Throws<ContentValidationException>(() => CoachingContent.Load(copy.Root, []));
        Assert.Contains("a rule may only test the questions its pitfall lists", error.Message);
    }

    private static void ReplaceFirst(ContentCopy copy, string relative, string from, string to)
    {
        var path = Path.Combine(copy.Root, relative);
        var text = File.ReadAllText(path);
        var at = text.IndexOf(from, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{from}' is not in {relative}");
        File.WriteAllText(path, text[..at] + to + text[(at + from.Length)..]);
    }
}
