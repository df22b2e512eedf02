using AiCoachBot.Coaching.Nudges;
using AiCoachBot.Coaching.Projects;

namespace AiCoachBot.Coaching.Retros;

/// <summary>A KPI over the retro's period, from the weekly history: its first and last values, and the target path at the last.</summary>
public sealed record KpiResult(Kpi Kpi, int Weeks, decimal? First, decimal? Last, string? LastWeek, decimal? Path, bool? OnTrack)
{
    /// <summary>Whether the target itself is reached, whichever way is better.</summary>
    public bool TargetMet => Last is { } last && (Kpi.Direction == KpiDirection.HigherIsBetter ? last >= Kpi.Target : last <= Kpi.Target);
}

/// <summary>The KPI results a retro looks at: the weeks recorded since the period started, never typed from memory.</summary>
public static class RetroKpis
{
    public static IReadOnlyList<KpiResult> Of(Project project, KpiHistory history, DateOnly periodStart, DateOnly today)
    {
        if (project.Channel is not { } setup) return [];
        var from = WeeklySchedule.WeekOf(periodStart);
        var to = WeeklySchedule.WeekOf(today);
        return setup.Kpis.Select(kpi =>
        {
            var values = history.Weeks
                .Where(w => string.CompareOrdinal(w.Week, from) >= 0 && string.CompareOrdinal(w.Week, to) <= 0 && w.Values.ContainsKey(kpi.Id))
                .Select(w => (w.Week, Value: w.Values[kpi.Id])).ToList();
            if (values.Count == 0) return new KpiResult(kpi, 0, null, null, null, null, null);
            var trend = KpiTrend.Of(kpi, history, setup, values[^1].Week);
            return new KpiResult(kpi, values.Count, values[0].Value, values[^1].Value, values[^1].Week, trend.PathAt(values[^1].Week), trend.OnTrack);
        }).ToList();
    }
}
