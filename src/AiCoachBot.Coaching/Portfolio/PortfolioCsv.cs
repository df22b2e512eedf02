using System.Globalization;
using System.Text;
using AiCoachBot.Coaching.Localization;
using AiCoachBot.Coaching.Nudges;

namespace AiCoachBot.Coaching.Portfolio;

/// <summary>The portfolio as CSV (RFC 4180): every visible project, whatever the card's filters, with machine-readable values.</summary>
public static class PortfolioCsv
{
    public static string Of(IReadOnlyList<PortfolioRow> rows, PortfolioText text, Language language)
    {
        var csv = new StringBuilder("project,phase,readiness_score,verdict,assessed_on,ai_act_tier,top_pitfall,pitfall_risk,kpi_status,weeks_without_kpi,open_actions,overdue_actions,last_retro,last_activity,stale,attention\n");
        foreach (var row in rows)
        {
            csv.AppendJoin(',', [
                KpiCsv.Field(row.Project.Name), KpiCsv.Field(text.Phase(row, language)),
                row.Readiness is { } r ? Number(r.Overall) : "", row.Readiness is { } v ? KpiCsv.Field(text.Verdict(v.Verdict, language)) : "",
                row.Readiness is { } d ? d.At.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "",
                KpiCsv.Field(text.Tier(row, language) ?? ""), row.TopPitfall is null ? "" : KpiCsv.Field(text.Pitfall(row, language)), row.TopPitfall?.Level.ToLowerInvariant() ?? "",
                row.Kpis switch { KpiStatus.OnTrack => "on_track", KpiStatus.OffTrack => "off_track", KpiStatus.NoData => "no_data", _ => "not_set_up" },
                Number(row.WeeksWithoutKpi), Number(row.OpenActions), Number(row.OverdueActions),
                row.LastRetro?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", row.LastActivity.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                row.Stale ? "yes" : "no", Number(row.Attention)]).Append('\n');
        }
        return csv.ToString();
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
