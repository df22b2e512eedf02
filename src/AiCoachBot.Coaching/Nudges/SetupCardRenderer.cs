using System.Globalization;
using System.Text.Json.Nodes;
using AiCoachBot.Coaching.Commands;
using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Localization;
using AiCoachBot.Coaching.Projects;
using static AiCoachBot.Coaching.Content.CardElements;

namespace AiCoachBot.Coaching.Nudges;

/// <summary>
/// The set-up card: the channel's project (an existing one of the team, or a new one), its phase, up to ten KPI
/// rows (the first shown, each next one behind "Add another KPI"), and when the weekly card comes. An existing
/// set-up fills it in.
/// </summary>
public sealed class SetupCardRenderer(CoachingContent content)
{
    public const string NewProject = "new";
    private StringCatalog Strings => content.Strings;

    public JsonObject Render(IReadOnlyList<Project> teamProjects, Project? linked, string? timeZone, Language language)
    {
        var setup = linked?.Channel;
        var body = new JsonArray
        {
            Text(Strings.Get(language, "setup.title"), size: "Large", weight: "Bolder"),
            Text(Strings.Get(language, "setup.intro"), subtle: true),
            Choice("project", Strings.Get(language, "setup.project"), linked?.Id ?? (teamProjects.Count == 0 ? NewProject : teamProjects[0].Id),
                [.. teamProjects.Select(p => (p.Name, p.Id)), (Strings.Get(language, "setup.project.new"), NewProject)]),
            Input("newName", Strings.Get(language, "setup.newName"), null, ProjectStore.MaxNameLength),
            Choice("phase", Strings.Get(language, "setup.phase"), linked?.Phase ?? teamProjects.FirstOrDefault()?.Phase ?? content.Phases.Phases[0].Id,
                [.. content.Phases.Phases.Select(p => (p.Title[language], p.Id))]),
        };
        var shown = Math.Max(1, setup?.Kpis.Count ?? 0);
        for (var i = 1; i <= ProjectChannel.MaxKpis; i++) body.Add(KpiRow(i, setup?.Kpis.ElementAtOrDefault(i - 1), visible: i <= shown, hasNext: i < ProjectChannel.MaxKpis, nextShown: i < shown, language));

        var plan = setup?.Plan;
        var culture = language.Culture();
        body.Add(Text(Strings.Get(language, "setup.plan.heading"), weight: "Bolder", separator: true));
        body.Add(Choice("day", Strings.Get(language, "setup.day"), (plan?.Day ?? DayOfWeek.Monday).ToString(),
            [.. Enumerable.Range(1, 7).Select(d => (DayOfWeek)(d % 7)).Select(d => (culture.TextInfo.ToTitleCase(culture.DateTimeFormat.GetDayName(d)), d.ToString()))]));
        body.Add(new JsonObject { ["type"] = "Input.Time", ["id"] = "time", ["label"] = Strings.Get(language, "setup.time"), ["value"] = (plan?.Time ?? new TimeOnly(9, 0)).ToString("HH:mm", CultureInfo.InvariantCulture), ["isRequired"] = true });
        body.Add(Input("timeZone", Strings.Get(language, "setup.timeZone"), plan?.TimeZone ?? NudgeTime.FindZone(timeZone)?.Id ?? timeZone, 64));
        body.Add(Choice("language", Strings.Get(language, "setup.language"), plan?.Language ?? language.Code(),
            [(Strings.Get(language, "setup.language.en"), "en"), (Strings.Get(language, "setup.language.fr"), "fr")]));
        body.Add(DateInput("pocDecision", Strings.Get(language, "setup.pocDecision"), plan?.PocDecision));
        body.Add(DateInput("goLive", Strings.Get(language, "setup.goLive"), plan?.GoLive));

        var save = new JsonObject { ["type"] = "Action.Submit", ["title"] = Strings.Get(language, "setup.save"), ["data"] = new JsonObject { ["command"] = CommandIds.SaveSetup } };
        return Card(body, new JsonArray(save), Strings.Get(language, "setup.title"));
    }

    private JsonObject KpiRow(int n, Kpi? kpi, bool visible, bool hasNext, bool nextShown, Language language)
    {
        string Label(string field) => Strings.Get(language, $"setup.kpi.label.{field}");
        string Id(string field) => SetupInput.Field(n, field);
        var items = new JsonArray
        {
            Text(Strings.Format(language, "setup.kpi.heading", ("n", n.ToString(CultureInfo.InvariantCulture))), weight: "Bolder", separator: true),
            Input(Id("name"), Label("name"), kpi?.Name, SetupInput.MaxNameLength),
            Input(Id("unit"), Label("unit"), kpi?.Unit, SetupInput.MaxUnitLength),
            Input(Id("baseline"), Label("baseline"), kpi?.Baseline.ToString(CultureInfo.InvariantCulture), 30),
            Input(Id("target"), Label("target"), kpi?.Target.ToString(CultureInfo.InvariantCulture), 30),
            Choice(Id("direction"), Label("direction"), kpi is null ? "higher" : kpi.Direction == KpiDirection.HigherIsBetter ? "higher" : "lower",
                [(Strings.Get(language, "setup.kpi.higher"), "higher"), (Strings.Get(language, "setup.kpi.lower"), "lower")]),
            Input(Id("method"), Label("method"), kpi?.Method, SetupInput.MaxMethodLength),
            Input(Id("owner"), Label("owner"), kpi?.Owner, SetupInput.MaxOwnerLength),
            DateInput(Id("targetDate"), Label("targetDate"), kpi?.TargetDate),
        };
        if (hasNext)
        {
            // Shows the next row and hides itself; the next row holds the following button.
            var next = n + 1;
            items.Add(new JsonObject
            {
                ["type"] = "ActionSet",
                ["id"] = $"add{next}",
                ["isVisible"] = !nextShown,
                ["actions"] = new JsonArray(new JsonObject
                {
                    ["type"] = "Action.ToggleVisibility",
                    ["title"] = Strings.Get(language, "setup.kpi.add"),
                    ["targetElements"] = new JsonArray(
                        new JsonObject { ["elementId"] = $"kpi{next}", ["isVisible"] = true },
                        new JsonObject { ["elementId"] = $"add{next}", ["isVisible"] = false }),
                }),
            });
        }
        return new JsonObject { ["type"] = "Container", ["id"] = $"kpi{n}", ["isVisible"] = visible, ["items"] = items };
    }

    private static JsonObject Input(string id, string label, string? value, int maxLength)
    {
        var input = new JsonObject { ["type"] = "Input.Text", ["id"] = id, ["label"] = label, ["maxLength"] = maxLength };
        if (value is not null) input["value"] = value;
        return input;
    }

    private static JsonObject DateInput(string id, string label, DateOnly? value)
    {
        var input = new JsonObject { ["type"] = "Input.Date", ["id"] = id, ["label"] = label };
        if (value is { } date) input["value"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return input;
    }

    private static JsonObject Choice(string id, string label, string value, IReadOnlyList<(string Title, string Value)> choices) => new()
    {
        ["type"] = "Input.ChoiceSet",
        ["id"] = id,
        ["label"] = label,
        ["style"] = "compact",
        ["value"] = value,
        ["choices"] = new JsonArray(choices.Select(c => (JsonNode)new JsonObject { ["title"] = c.Title, ["value"] = c.Value }).ToArray()),
    };
}
