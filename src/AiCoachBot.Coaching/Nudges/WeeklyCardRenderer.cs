using System.Globalization;
using System.Text.Json.Nodes;
using AiCoachBot.Coaching.Commands;
using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Localization;
using AiCoachBot.Coaching.Projects;
using static AiCoachBot.Coaching.Content.CardElements;

namespace AiCoachBot.Coaching.Nudges;

/// <summary>
/// The weekly check-in card posted in the project's channel: each KPI with its last value and an input for this
/// week's, the open actions that are due, the next decision date. Once values are recorded, the same card shows them.
/// </summary>
public sealed class WeeklyCardRenderer(CoachingContent content)
{
    public const string ValuePrefix = "value.";
    public const string WeekField = "week";

    public JsonObject Render(Project project, string week, bool late, KpiHistory history, DateOnly today, Language language)
    {
        var setup = project.Channel!;
        var strings = content.Strings;
        var recorded = history.Find(week);
        var body = new JsonArray
        {
            UserText(strings.Format(language, "nudge.card.title", ("project", project.Name)), size: "Large", weight: "Bolder"),
            Text(strings.Format(language, "nudge.card.week", ("week", week)), subtle: true),
        };
        if (late) body.Add(Text(strings.Get(language, "nudge.card.late"), color: "Warning", size: "Small"));
        foreach (var kpi in setup.Kpis)
        {
            body.Add(Text(strings.Format(language, "nudge.card.kpi", new Dictionary<string, string>
            {
                ["name"] = MarkdownText.Literal(kpi.Name),
                ["baseline"] = language.Number(kpi.Baseline),
                ["target"] = language.Number(kpi.Target),
                ["unit"] = KpiText.Unit(kpi),
            }), separator: true));
            body.Add(Text(history.LastBefore(kpi.Id, week) is { } last
                ? strings.Format(language, "nudge.card.last", ("value", language.Number(last.Value)), ("week", last.Week))
                : strings.Get(language, "nudge.card.noValue"), subtle: true, size: "Small"));
            var trend = KpiTrend.Of(kpi, history, setup, week);
            if (trend.Values.Count > 0) body.Add(TrendChart(trend, language));
            if (recorded?.Values.TryGetValue(kpi.Id, out var value) == true)
                body.Add(Text(strings.Format(language, "nudge.card.recorded", ("value", language.Number(value)), ("by", MarkdownText.Literal(recorded.ByName))), color: "Good"));
            else if (recorded is null)
                body.Add(new JsonObject { ["type"] = "Input.Text", ["id"] = ValuePrefix + kpi.Id, ["label"] = strings.Format(language, "nudge.card.input", ("unit", kpi.Unit)), ["maxLength"] = 30 });
        }
        var open = ActionList.Ordered(project.OpenActions, today);
        if (open.Count > 0)
        {
            body.Add(Text(strings.Get(language, "nudge.card.actions"), weight: "Bolder", separator: true));
            foreach (var action in open.Take(ActionList.MaxOnCard)) ActionList.Add(body, action, project.Id, week, today, strings, language);
            if (open.Count > ActionList.MaxOnCard) body.Add(Text(strings.Format(language, "actions.more", ("count", (open.Count - ActionList.MaxOnCard).ToString(CultureInfo.InvariantCulture))), subtle: true, size: "Small"));
        }
        if (setup.Plan.NextDecision(today) is { } decision)
            body.Add(Text(strings.Format(language, "nudge.card.decision",
                ("what", strings.Get(language, decision.TextKey)), ("date", language.Date(decision.Date)),
                ("days", (decision.Date.DayNumber - today.DayNumber).ToString(CultureInfo.InvariantCulture))), separator: true));

        if (TipChooser.Choose(content.Tips, project, history, week, today, strings, language) is { } tip)
        {
            body.Add(Text(strings.Get(language, "nudge.card.tip"), weight: "Bolder", separator: true));
            body.Add(Text(tip));
        }

        var actions = new JsonArray();
        if (recorded is null)
            actions.Add(new JsonObject
            {
                ["type"] = "Action.Submit",
                ["title"] = strings.Get(language, "nudge.card.submit"),
                ["data"] = new JsonObject { ["command"] = CommandIds.SubmitKpis, [ProjectCards.ProjectInput] = project.Id, [WeekField] = week },
            });
        return Card(body, actions, strings.Format(language, "nudge.card.title", ("project", project.Name)));
    }

    /// <summary>
    /// Teams' native line chart of the recorded values with the path to target as a second series; clients that
    /// draw no chart (the Agents Playground) show the fallback: a text sparkline and where the path says the KPI should be.
    /// </summary>
    public JsonObject TrendChart(KpiTrend trend, Language language)
    {
        var strings = content.Strings;
        var last = trend.Values[^1];
        var status = strings.Format(language, trend.OnTrack == true ? "nudge.card.onTrack" : "nudge.card.behind",
            ("value", language.Number(last.Value)), ("path", language.Number(trend.PathAt(last.Week))));
        JsonArray Points(Func<(string Week, decimal Value), decimal> y) =>
            new(trend.Values.Select(v => (JsonNode)new JsonObject { ["x"] = v.Week, ["y"] = Math.Round(y(v), 2) }).ToArray());
        return new JsonObject
        {
            ["type"] = "Chart.Line",
            ["title"] = trend.Kpi.Name,
            ["xAxisTitle"] = strings.Get(language, "nudge.chart.x"),
            ["yAxisTitle"] = trend.Kpi.Unit,
            ["colorSet"] = "categorical",
            ["data"] = new JsonArray(
                new JsonObject { ["legend"] = strings.Get(language, "nudge.chart.values"), ["values"] = Points(v => v.Value) },
                new JsonObject { ["legend"] = strings.Get(language, "nudge.chart.path"), ["values"] = Points(v => trend.PathAt(v.Week)) }),
            ["fallback"] = Text(strings.Format(language, "nudge.card.trend", ("spark", trend.Sparkline()), ("status", status)), size: "Small", color: trend.OnTrack == true ? "Good" : "Warning"),
        };
    }

}
