using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Localization;
using AiCoachBot.Coaching.Nudges;
using AiCoachBot.Coaching.Projects;
using AiCoachBot.Coaching.Tests.Support;

namespace AiCoachBot.Coaching.Tests;

/// <summary>The weekly card's tip: the first rule of nudges/tips.yaml that holds, in the file's order.</summary>
public sealed class TipChooserTests
{
    private static readonly CoachingContent Content = CoachingContent.Load(Paths.Content, []);
    private static readonly DateTimeOffset SetUpAt = new(2026, 10, 5, 9, 0, 0, TimeSpan.Zero); // 2026-W41
    private static readonly DateOnly Today = new(2026, 11, 30); // 2026-W49

    [Fact]
    public void AQualityKpiWellBelowItsRecentAverage_GetsTheDriftTip()
    {
        var history = History(("2026-W45", 90), ("2026-W46", 91), ("2026-W47", 89), ("2026-W48", 90), ("2026-W49", 78));

        var tip = Choose(Project("poc", Accuracy), history);

        Assert.StartsWith("**Accuracy** is 78, more than 10% worse than its average of 90", tip);
    }

    [Fact]
    public void ADecisionWithinTwoWeeks_ComesBeforeBeingBehindThePath()
    {
        var history = History(("2026-W48", 20), ("2026-W49", 21));
        var project = Project("poc", Accuracy, poc: Today.AddDays(10));

        Assert.StartsWith("The POC go / pivot / stop is on 10 Dec 2026, in 10 days.", Choose(project, history));
        Assert.StartsWith("**Accuracy** is 21 while the path to its target expected", Choose(Project("poc", Accuracy), history));
    }

    [Fact]
    public void TwoWeeksWithoutValues_GetTheMissingValuesTip_AndOtherwiseThePhasesTip()
    {
        var missing = Choose(Project("deployment", Accuracy), History(("2026-W46", 90)));
        var onTrack = Choose(Project("deployment", Accuracy), History(("2026-W48", 95), ("2026-W49", 96)));

        Assert.StartsWith("No value has been recorded for 2 weeks.", missing);
        Assert.StartsWith("During deployment, watch adoption", onTrack);
    }

    [Fact]
    public void TheTipIsInTheCardsLanguage()
    {
        var tip = TipChooser.Choose(Content.Tips, Project("poc", Accuracy), History(("2026-W48", 95), ("2026-W49", 96)), "2026-W49", Today, Content.Strings, Language.Fr);

        Assert.StartsWith("Pendant le POC", tip);
    }

    [Theory]
    [InlineData("when: { drop: { percent: 10, weeks: 4 } }", "when: { soon: {} }", "unknown test 'soon'")]
    [InlineData("when: { phase: framing }", "when: { phase: launch }", "phase 'launch' is not one of")]
    [InlineData("No value has been recorded for {weeks} weeks.", "No value has been recorded for {kpi} weeks.", "{kpi} is not filled by a 'missingWeeks' test")]
    public void ABrokenTipsFile_StopsTheStart_SayingWhatToFix(string oldText, string newText, string expected)
    {
        using var copy = new ContentCopy();
        copy.Replace(CoachingTips.File, oldText, newText);

        var error = Assert.Throws<ContentValidationException>(() => CoachingContent.Load(copy.Root, []));

        Assert.Contains(error.Errors, e => e.StartsWith(CoachingTips.File + ":", StringComparison.Ordinal) && e.Contains(expected, StringComparison.Ordinal));
    }

    private static readonly Kpi Accuracy = new("k1", "Accuracy", "", 80, 95, KpiDirection.HigherIsBetter, "Weekly sample", "QA");

    private static string? Choose(Project project, KpiHistory history) =>
        TipChooser.Choose(Content.Tips, project, history, "2026-W49", Today, Content.Strings, Language.En);

    private static Project Project(string phase, Kpi kpi, DateOnly? poc = null) =>
        new("p1", new ProjectOwnership("t", ProjectOwnerKind.Team, "team"), "Triage", "", phase, "u", SetUpAt, [],
            Channel: new ProjectChannel(new ChannelReference("https://smba.example/", "t", "team", "19:c"), [kpi],
                new NudgePlan(DayOfWeek.Monday, new TimeOnly(9, 0), "Europe/Paris", "en", PocDecision: poc), "u", "U", SetUpAt, []));

    private static KpiHistory History(params (string Week, decimal Value)[] weeks) =>
        weeks.Aggregate(new KpiHistory([]), (h, w) => h.With(new KpiWeek(w.Week, new Dictionary<string, decimal> { ["k1"] = w.Value }, "u", "U", SetUpAt)));
}
