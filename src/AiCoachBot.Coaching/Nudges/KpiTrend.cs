using System.Globalization;

namespace AiCoachBot.Coaching.Nudges;

/// <summary>
/// A KPI's recent weeks: the values recorded, and where the straight path from the baseline (the week of the set-up)
/// to the target (its target date, else the go-live date, else twelve weeks on) says it should be each week.
/// </summary>
public sealed record KpiTrend(Kpi Kpi, IReadOnlyList<(string Week, decimal Value)> Values, Func<string, decimal> PathAt)
{
    public const int Weeks = 12;
    private const string Blocks = "▁▂▃▄▅▆▇█";

    /// <summary>The trend of one of the set-up's KPIs, its path starting the week the set-up was saved.</summary>
    public static KpiTrend Of(Kpi kpi, KpiHistory history, ProjectChannel setup, string upToWeek) =>
        Of(kpi, history, setup.Plan, SetUpDay(setup), upToWeek);

    /// <summary>The day the set-up was saved, where every KPI's path starts.</summary>
    public static DateOnly SetUpDay(ProjectChannel setup) => DateOnly.FromDateTime(setup.SetUpAt.UtcDateTime);

    public static KpiTrend Of(Kpi kpi, KpiHistory history, NudgePlan plan, DateOnly setUpDay, string upToWeek)
    {
        var values = history.Weeks.Where(w => string.CompareOrdinal(w.Week, upToWeek) <= 0 && w.Values.ContainsKey(kpi.Id))
            .Select(w => (w.Week, w.Values[kpi.Id])).TakeLast(Weeks).ToList();
        var start = Monday(WeeklySchedule.WeekOf(setUpDay));
        var end = kpi.TargetDate ?? plan.GoLive ?? start.AddDays(7 * Weeks);
        if (end <= start) end = start.AddDays(7);
        decimal PathAt(string week)
        {
            var progress = Math.Clamp((decimal)(Monday(week).DayNumber - start.DayNumber) / (end.DayNumber - start.DayNumber), 0m, 1m);
            return kpi.Baseline + (kpi.Target - kpi.Baseline) * progress;
        }
        return new KpiTrend(kpi, values, PathAt);
    }

    /// <summary>Whether the latest value is where the path says, or better; null with no value yet.</summary>
    public bool? OnTrack => Values.Count == 0 ? null
        : Kpi.Direction == KpiDirection.HigherIsBetter ? Values[^1].Value >= PathAt(Values[^1].Week) : Values[^1].Value <= PathAt(Values[^1].Week);

    /// <summary>"▂▄▅▇": the recorded values as a text sparkline, for clients that draw no chart.</summary>
    public string Sparkline()
    {
        if (Values.Count == 0) return "";
        var min = Values.Min(v => v.Value);
        var max = Values.Max(v => v.Value);
        return string.Concat(Values.Select(v => Blocks[max == min ? 3 : (int)Math.Round((v.Value - min) / (max - min) * (Blocks.Length - 1))]));
    }

    /// <summary>The Monday of an ISO week "2026-W49".</summary>
    public static DateOnly Monday(string week) => DateOnly.FromDateTime(ISOWeek.ToDateTime(
        int.Parse(week[..4], CultureInfo.InvariantCulture), int.Parse(week[6..], CultureInfo.InvariantCulture), DayOfWeek.Monday));
}
