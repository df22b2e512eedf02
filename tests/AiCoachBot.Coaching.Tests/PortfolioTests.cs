using System.Text;
using System.Text.Json.Nodes;
using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Localization;
using AiCoachBot.Coaching.Nudges;
using AiCoachBot.Coaching.Portfolio;
using AiCoachBot.Coaching.Projects;
using AiCoachBot.Coaching.Retros;
using AiCoachBot.Coaching.Tests.Support;

namespace AiCoachBot.Coaching.Tests;

/// <summary>The portfolio: what needs attention first, stale projects flagged, a heat map that fits a Teams card, and the CSV.</summary>
public sealed class PortfolioTests
{
    private static readonly CoachingContent Content = CoachingContent.Load(Paths.Content, []);
    // Monday 4 January 2027, 12:00 UTC.
    private static readonly DateTimeOffset Now = new(2027, 1, 4, 12, 0, 0, TimeSpan.Zero);
    private static readonly Kpi HandlingTime = new("k1", "Handling time", "min", 12, 8, KpiDirection.LowerIsBetter, "CRM report", "Ops");

    [Fact]
    public void OverdueActions_KpisOffTrack_AndARethinkVerdict_ComeFirst_QuietProjectsLast_AndSilenceMakesAProjectStale()
    {
        var calm = Row(Project("Calm", verdict: "Ready", setUpWeeksAgo: 3), Values(("2027-W01", 9m, 0)));
        var burning = Row(Project("Burning", verdict: "Rethink", setUpWeeksAgo: 3, overdue: 2, pitfall: ("data_underestimated", "High")), Values(("2027-W01", 13m, 0)));
        var silent = Row(Project("Silent", verdict: "Ready", setUpWeeksAgo: 5), Values());
        var dormant = Row(Project("Dormant", verdict: null, setUpWeeksAgo: null, createdWeeksAgo: 9, retro: false), Values());

        var order = new[] { calm, burning, silent, dormant }.OrderByDescending(r => r.Attention).Select(r => r.Project.Name).ToList();

        Assert.Equal("Burning", order[0]);
        Assert.Equal("Calm", order[^1]);
        Assert.Equal((KpiStatus.OffTrack, 2, true), (burning.Kpis, burning.OverdueActions, burning.NeedsAttention));
        Assert.Equal((KpiStatus.OnTrack, false, false), (calm.Kpis, calm.Stale, calm.NeedsAttention));
        Assert.Equal((KpiStatus.NoData, 5, true, false), (silent.Kpis, silent.WeeksWithoutKpi, silent.NoKpiForWeeks, silent.Inactive));
        Assert.Equal((KpiStatus.NotSetUp, true), (dormant.Kpis, dormant.Inactive));
    }

    [Theory]
    [InlineData(Language.En)]
    [InlineData(Language.Fr)]
    public void TheCard_IsAColouredTable_WithATextFallback_AndStaysUnder26KB_WithManyProjects(Language language)
    {
        var rows = Enumerable.Range(1, 40).Select(i => Row(
            Project($"Project {i} with a long enough name, département {i}", verdict: i % 3 == 0 ? "Rethink" : "Ready", setUpWeeksAgo: i % 4 == 0 ? 6 : 2, overdue: i % 5, pitfall: ("technology_first", "Medium")),
            Values(("2027-W01", i % 2 == 0 ? 13m : 9m, 0)))).OrderByDescending(r => r.Attention).ToList();

        var card = new PortfolioCard(Content).Render(PortfolioScope.Organisation, rows, archived: 2, PortfolioFilter.None, language);

        var json = card.ToJsonString();
        Assert.True(Encoding.UTF8.GetByteCount(json) < 26_000, $"{Encoding.UTF8.GetByteCount(json)} bytes");
        var table = card["body"]!.AsArray().Single(e => (string?)e!["type"] == "Table")!;
        Assert.Equal(PortfolioCard.MaxRows + 1, table["rows"]!.AsArray().Count);
        var styles = table["rows"]!.AsArray().Skip(1).SelectMany(r => r!["cells"]!.AsArray()).Select(c => (string?)c!["style"]).OfType<string>().ToHashSet();
        Assert.Superset(new HashSet<string> { "good", "warning", "attention" }, styles);
        Assert.Equal("TextBlock", (string?)table["fallback"]!["type"]);
        Assert.Contains(rows[0].Project.Name, (string?)table["fallback"]!["text"]);
        Assert.DoesNotContain("{", json.Replace("{\"", "").Replace("{}", ""));
    }

    [Fact]
    public void TheFilters_KeepOnlyTheChosenPhaseAndStatus()
    {
        var offTrack = Row(Project("Off", verdict: "Ready", setUpWeeksAgo: 2) with { Phase = "poc" }, Values(("2027-W01", 13m, 0)));
        var onTrack = Row(Project("On", verdict: "Ready", setUpWeeksAgo: 2) with { Phase = "poc" }, Values(("2027-W01", 9m, 0)));
        var deployed = Row(Project("Live", verdict: "Ready", setUpWeeksAgo: 2) with { Phase = "deployment" }, Values(("2027-W01", 13m, 0)));

        Assert.Equal(["Off"], new[] { offTrack, onTrack, deployed }.Where(new PortfolioFilter("poc", "offTrack").Keeps).Select(r => r.Project.Name));
        Assert.Equal(["Off", "Live"], new[] { offTrack, onTrack, deployed }.Where(new PortfolioFilter(null, "offTrack").Keeps).Select(r => r.Project.Name));
    }

    [Fact]
    public void TheCsv_HasOneLinePerProject_WithQuotedNames_AndNoFormulaASpreadsheetWouldRun()
    {
        var rows = new[]
        {
            Row(Project("Triage, emails", verdict: "Ready", setUpWeeksAgo: 2, overdue: 1), Values(("2027-W01", 9m, 0))),
            Row(Project("=HYPERLINK(\"x\")", verdict: null, setUpWeeksAgo: null), Values()),
        };

        var lines = PortfolioCsv.Of(rows, new PortfolioText(Content), Language.En).TrimEnd('\n').Split('\n');

        Assert.Equal(3, lines.Length);
        Assert.StartsWith("project,phase,readiness_score,verdict,", lines[0]);
        Assert.StartsWith("\"Triage, emails\",", lines[1]);
        Assert.Contains(",on_track,", lines[1]);
        Assert.StartsWith("\"'=HYPERLINK(\"\"x\"\")\",", lines[2]);
        Assert.Contains(",not_set_up,", lines[2]);
    }

    private static PortfolioRow Row(Project project, KpiHistory history) => PortfolioRows.Row(project, history, Now);

    private static KpiHistory Values(params (string Week, decimal Value, int DaysAgo)[] weeks) =>
        weeks.Aggregate(new KpiHistory([]), (history, w) => history.With(new KpiWeek(w.Week, new Dictionary<string, decimal> { ["k1"] = w.Value }, "u", "U", Now.AddDays(-w.DaysAgo))));

    private static Project Project(string name, string? verdict, int? setUpWeeksAgo, int overdue = 0, (string Id, string Level)? pitfall = null, int createdWeeksAgo = 10, bool retro = true)
    {
        var created = Now.AddDays(-7 * createdWeeksAgo);
        var assessments = verdict is null ? new List<AssessmentRecord>()
            : [new AssessmentRecord(Now.AddDays(-20), verdict == "Ready" ? 82 : 41, verdict, new Dictionary<string, int>(), [], "minimal", [])];
        var actions = Enumerable.Range(0, overdue).Select(i => new ProjectAction($"a{i}", $"Do {i}", "test", "u", Now.AddDays(-30), "Owner", DateOnly.FromDateTime(Now.AddDays(-3 - i).UtcDateTime))).ToList();
        var diagnoses = pitfall is { } p ? new List<DiagnosisRecord> { new(Now.AddDays(-10), "run", "poc", [new PitfallRiskRecord(p.Id, p.Level, 70)], [p.Id], []) } : null;
        var channel = setUpWeeksAgo is { } weeks
            ? new ProjectChannel(new ChannelReference("https://smba.example/", "t", "team", "19:c"), [HandlingTime],
                new NudgePlan(DayOfWeek.Monday, new TimeOnly(9, 0), "Europe/Paris", "en"), "u", "U", Now.AddDays(-7 * weeks), [])
            : null;
        return new Project(name.GetHashCode().ToString("x8"), new ProjectOwnership("t", ProjectOwnerKind.Team, "team"), name, "", "poc", "u", created, assessments,
            diagnoses, actions, channel, retro ? [new RetroEntry("r", "poc", Now.AddDays(-40), Now.AddDays(-40), "deploy")] : []);
    }
}
