using AiCoachBot.Coaching.State;

namespace AiCoachBot.Coaching.Nudges;

/// <summary>The values recorded for one week: by KPI id, who recorded them and when.</summary>
public sealed record KpiWeek(string Week, IReadOnlyDictionary<string, decimal> Values, string By, string ByName, DateTimeOffset At);

/// <summary>A project's weekly KPI values, oldest week first (a document of its own, so the project stays small).</summary>
public sealed record KpiHistory(IReadOnlyList<KpiWeek> Weeks)
{
    public const int MaxWeeks = 260;

    /// <summary>The project's history as stored; empty when nothing was recorded yet.</summary>
    public static async Task<KpiHistory> ReadAsync(IDocumentStore store, string projectId, CancellationToken cancellationToken) =>
        (await store.ReadAsync(NudgeDispatcher.HistoryKey(projectId), CoachingJsonContext.Default.KpiHistory, cancellationToken))?.Value ?? new KpiHistory([]);

    public KpiWeek? Find(string week) => Weeks.FirstOrDefault(w => w.Week == week);

    /// <summary>The week's values replace any recorded before for that week.</summary>
    public KpiHistory With(KpiWeek week) =>
        new([.. Weeks.Where(w => w.Week != week.Week).Append(week).OrderBy(w => w.Week, StringComparer.Ordinal).TakeLast(MaxWeeks)]);

    /// <summary>The latest value of a KPI before (not including) a week.</summary>
    public (string Week, decimal Value)? LastBefore(string kpiId, string week) =>
        Weeks.Where(w => string.CompareOrdinal(w.Week, week) < 0 && w.Values.ContainsKey(kpiId)).Select(w => (w.Week, w.Values[kpiId])).LastOrDefault() is { Week: not null } last ? last : null;
}
