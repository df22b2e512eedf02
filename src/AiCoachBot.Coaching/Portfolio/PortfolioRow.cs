using AiCoachBot.Coaching.Projects;

namespace AiCoachBot.Coaching.Portfolio;

/// <summary>
/// One project as the programme office sees it: phase, readiness, AI Act tier, top open pitfall, KPIs, actions, last
/// retro and last activity, with how much it needs attention (the portfolio's order) and whether it has gone stale.
/// </summary>
public sealed record PortfolioRow(
    Project Project,
    AssessmentRecord? Readiness,
    PitfallRiskRecord? TopPitfall,
    KpiStatus Kpis,
    int WeeksWithoutKpi,
    int OpenActions,
    int OverdueActions,
    DateTimeOffset? LastRetro,
    DateTimeOffset LastActivity,
    bool NoKpiForWeeks,
    bool Inactive)
{
    /// <summary>Weeks without a KPI value after which a set-up project is stale.</summary>
    public const int StaleKpiWeeks = 4;

    /// <summary>Weeks without any activity after which a project is stale.</summary>
    public const int InactiveWeeks = 8;

    public bool Stale => NoKpiForWeeks || Inactive;

    /// <summary>
    /// Higher first in the portfolio: overdue actions, KPIs off track or silent, a readiness verdict to rethink or gaps
    /// to fix, a pitfall at high risk, staleness.
    /// </summary>
    public int Attention =>
        3 * Math.Min(OverdueActions, 3)
        + Kpis switch { KpiStatus.OffTrack => 3, KpiStatus.NoData => 2, _ => 0 }
        + Readiness?.Verdict switch { "Rethink" => 3, "FixGaps" => 1, null => 1, _ => 0 }
        + TopPitfall?.Level switch { "High" => 2, "Medium" => 1, _ => 0 }
        + (Stale ? 2 : 0);

    public bool NeedsAttention => Attention >= 3;
}
