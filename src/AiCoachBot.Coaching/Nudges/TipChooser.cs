using System.Globalization;
using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Localization;
using AiCoachBot.Coaching.Projects;

namespace AiCoachBot.Coaching.Nudges;

/// <summary>Picks the weekly card's tip: the first rule of the tips file that holds for the project's figures, dates and phase.</summary>
public static class TipChooser
{
    public static string? Choose(CoachingTips tips, Project project, KpiHistory history, string week, DateOnly today, StringCatalog strings, Language language)
    {
        var setup = project.Channel!;
        var setUpDay = KpiTrend.SetUpDay(setup);
        foreach (var rule in tips.Rules)
        {
            var args = rule.Test switch
            {
                TipTest.Drop => Drop(rule, setup, history, week, language),
                TipTest.Behind => Behind(setup, history, setUpDay, week, language),
                TipTest.DecisionWithin => Decision(rule, setup.Plan, today, strings, language),
                TipTest.MissingWeeks => Missing(rule, history, setUpDay, week),
                TipTest.Phase => project.Phase == rule.Phase ? new Dictionary<string, string>() : null,
                _ => null,
            };
            if (args is not null) return args.Aggregate(rule.Text[language], (text, a) => text.Replace("{" + a.Key + "}", a.Value, StringComparison.Ordinal));
        }
        return null;
    }

    private static Dictionary<string, string>? Drop(TipRule rule, ProjectChannel setup, KpiHistory history, string week, Language language)
    {
        foreach (var kpi in setup.Kpis)
        {
            var values = history.Weeks.Where(w => string.CompareOrdinal(w.Week, week) <= 0 && w.Values.ContainsKey(kpi.Id)).Select(w => w.Values[kpi.Id]).ToList();
            if (values.Count < 3) continue;
            var last = values[^1];
            var before = values.SkipLast(1).TakeLast(rule.Weeks).ToList();
            var average = before.Average();
            var margin = Math.Abs(average) * rule.Percent / 100;
            var worse = kpi.Direction == KpiDirection.HigherIsBetter ? last < average - margin : last > average + margin;
            if (worse) return new() { ["kpi"] = MarkdownText.Literal(kpi.Name), ["value"] = language.Number(last), ["average"] = language.Number(average) };
        }
        return null;
    }

    private static Dictionary<string, string>? Behind(ProjectChannel setup, KpiHistory history, DateOnly setUpDay, string week, Language language)
    {
        foreach (var kpi in setup.Kpis)
        {
            var trend = KpiTrend.Of(kpi, history, setup.Plan, setUpDay, week);
            if (trend.OnTrack != false) continue;
            var last = trend.Values[^1];
            return new() { ["kpi"] = MarkdownText.Literal(kpi.Name), ["value"] = language.Number(last.Value), ["path"] = language.Number(trend.PathAt(last.Week)) };
        }
        return null;
    }

    private static Dictionary<string, string>? Decision(TipRule rule, NudgePlan plan, DateOnly today, StringCatalog strings, Language language)
    {
        if (plan.NextDecision(today) is not { } next || next.Date.DayNumber - today.DayNumber > rule.Days) return null;
        return new()
        {
            ["what"] = strings.Get(language, next.TextKey),
            ["date"] = language.Date(next.Date),
            ["days"] = (next.Date.DayNumber - today.DayNumber).ToString(CultureInfo.InvariantCulture),
        };
    }

    /// <summary>The weeks just before this one all went without a value, and the project was set up before them.</summary>
    private static Dictionary<string, string>? Missing(TipRule rule, KpiHistory history, DateOnly setUpDay, string week)
    {
        var monday = KpiTrend.Monday(week);
        var previous = Enumerable.Range(1, rule.Weeks).Select(i => monday.AddDays(-7 * i)).ToList();
        if (previous[^1] < KpiTrend.Monday(WeeklySchedule.WeekOf(setUpDay))) return null;
        return previous.All(d => history.Find(WeeklySchedule.WeekOf(d)) is null)
            ? new() { ["weeks"] = rule.Weeks.ToString(CultureInfo.InvariantCulture) }
            : null;
    }
}
