namespace AiCoachBot.Coaching.Portfolio;

/// <summary>The portfolio card's filters: a phase id, and a status ("attention", "offTrack", "noData", "stale", "onTrack").</summary>
public sealed record PortfolioFilter(string? Phase, string? Status)
{
    public static readonly IReadOnlyList<string> Statuses = ["attention", "offTrack", "noData", "stale", "onTrack"];

    public static PortfolioFilter None { get; } = new(null, null);

    public bool Keeps(PortfolioRow row) =>
        (Phase is null || row.Project.Phase == Phase)
        && Status switch
        {
            "attention" => row.NeedsAttention,
            "offTrack" => row.Kpis == KpiStatus.OffTrack,
            "noData" => row.Kpis == KpiStatus.NoData,
            "stale" => row.Stale,
            "onTrack" => row.Kpis == KpiStatus.OnTrack,
            _ => true,
        };
}
