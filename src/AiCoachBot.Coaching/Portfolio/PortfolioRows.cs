using AiCoachBot.Coaching.Nudges;
using AiCoachBot.Coaching.Projects;
using AiCoachBot.Coaching.State;

namespace AiCoachBot.Coaching.Portfolio;

/// <summary>Builds the portfolio's rows from the projects, their KPI histories and today, most in need of attention first.</summary>
public sealed class PortfolioRows(IDocumentStore store, TimeProvider time)
{
    public async Task<IReadOnlyList<PortfolioRow>> BuildAsync(IEnumerable<Project> projects, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var rows = new List<PortfolioRow>();
        foreach (var project in projects.Where(p => p.ArchivedAt is null))
            rows.Add(Row(project, await KpiHistory.ReadAsync(store, project.Id, cancellationToken), now));
        return [.. rows.OrderByDescending(r => r.Attention).ThenBy(r => r.Project.Name, StringComparer.CurrentCultureIgnoreCase)];
    }

    public static PortfolioRow Row(Project project, KpiHistory history, DateTimeOffset now)
    {
        var today = project.Channel?.Today(now) ?? DateOnly.FromDateTime(now.UtcDateTime);
        var (kpis, silentWeeks) = Kpis(project, history, now, today);
        var pitfall = project.DiagnosisHistory is [.., var diagnosis]
            ? diagnosis.Risks.Where(r => r.Level is "High" or "Medium").OrderByDescending(r => r.Level == "High").ThenByDescending(r => r.Score).FirstOrDefault()
            : null;
        var open = project.OpenActions;
        var lastRetro = project.RetroHistory.Select(r => (DateTimeOffset?)(r.ClosedAt ?? r.OpenedAt)).Max();
        var activity = new[] { project.CreatedAt, project.Channel?.SetUpAt ?? project.CreatedAt }
            .Concat(project.Assessments.Select(a => a.At))
            .Concat(project.DiagnosisHistory.Select(d => d.At))
            .Concat(history.Weeks.Select(w => w.At))
            .Concat(project.RetroHistory.Select(r => r.ClosedAt ?? r.OpenedAt))
            .Concat((project.Actions ?? []).Select(a => a.DoneAt ?? a.CreatedAt))
            .Max();
        return new PortfolioRow(project, project.LastAssessment, pitfall, kpis, silentWeeks, open.Count, open.Count(a => a.IsOverdue(today)),
            lastRetro, activity, NoKpiForWeeks: project.Channel is not null && silentWeeks >= PortfolioRow.StaleKpiWeeks,
            Inactive: now - activity >= TimeSpan.FromDays(7 * PortfolioRow.InactiveWeeks));
    }

    /// <summary>
    /// On or off track by each KPI's last value against its path; no data once two weekly cards have gone by without a
    /// value (counted from the last value, else from the set-up).
    /// </summary>
    private static (KpiStatus Status, int SilentWeeks) Kpis(Project project, KpiHistory history, DateTimeOffset now, DateOnly today)
    {
        if (project.Channel is not { } setup) return (KpiStatus.NotSetUp, 0);
        var since = history.Weeks.Count > 0 ? history.Weeks[^1].At : setup.SetUpAt;
        var silent = (int)Math.Floor((now - since).TotalDays / 7);
        if (silent >= 2 || history.Weeks.Count == 0) return (KpiStatus.NoData, silent);
        var week = WeeklySchedule.WeekOf(today);
        var trends = setup.Kpis.Select(k => KpiTrend.Of(k, history, setup, week).OnTrack).OfType<bool>().ToList();
        return (trends.Count > 0 && trends.All(t => t) ? KpiStatus.OnTrack : KpiStatus.OffTrack, silent);
    }
}
