using System.Globalization;
using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Localization;
using AiCoachBot.Coaching.Projects;

namespace AiCoachBot.Coaching.Portfolio;

/// <summary>
/// A portfolio row's cells as words, in the asker's language: shared by the card, its fallback and the CSV. Readiness,
/// tier and pitfall read as on the project's profile.
/// </summary>
public sealed class PortfolioText(CoachingContent content)
{
    private readonly ProjectCards _project = new(content);

    public string Phase(PortfolioRow row, Language language) => content.Phases.Title(row.Project.Phase, language);

    public string Readiness(PortfolioRow row, Language language) => _project.Readiness(row.Readiness, language);

    public string Verdict(string verdict, Language language) => _project.Verdict(verdict, language);

    public string? Tier(PortfolioRow row, Language language) => row.Readiness is { } last ? _project.TierTitle(last, language) : null;

    public string Kpis(PortfolioRow row, Language language) => row.Kpis switch
    {
        KpiStatus.OnTrack => Get(language, "portfolio.kpi.onTrack"),
        KpiStatus.OffTrack => Get(language, "portfolio.kpi.offTrack"),
        KpiStatus.NoData => Format(language, "portfolio.kpi.noData", ("weeks", Number(row.WeeksWithoutKpi))),
        _ => Get(language, "portfolio.kpi.notSetUp"),
    };

    public string Actions(PortfolioRow row, Language language) => row.OpenActions == 0
        ? Get(language, "portfolio.actions.none")
        : Format(language, "portfolio.actions", ("open", Number(row.OpenActions)), ("overdue", Number(row.OverdueActions)));

    public string Pitfall(PortfolioRow row, Language language) =>
        row.TopPitfall is { } top ? _project.PitfallRisk(top, language) ?? top.Pitfall : Get(language, "portfolio.pitfall.none");

    public string Retro(PortfolioRow row, Language language) => row.LastRetro is { } at ? language.Date(at) : Get(language, "portfolio.retro.none");

    public string? Stale(PortfolioRow row, Language language) =>
        row.NoKpiForWeeks ? Format(language, "portfolio.stale.kpi", ("weeks", Number(row.WeeksWithoutKpi)))
        : row.Inactive ? Format(language, "portfolio.stale.inactive", ("weeks", Number(PortfolioRow.InactiveWeeks)))
        : null;

    public string Get(Language language, string key) => content.Strings.Get(language, key);

    public string Format(Language language, string key, params (string Name, string Value)[] args) => content.Strings.Format(language, key, args);

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
