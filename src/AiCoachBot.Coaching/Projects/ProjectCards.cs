using System.Globalization;
using System.Text.Json.Nodes;
using AiCoachBot.Coaching.Commands;
using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Framing;
using AiCoachBot.Coaching.Localization;
using static AiCoachBot.Coaching.Content.CardElements;

namespace AiCoachBot.Coaching.Projects;

/// <summary>The cards that pick, create, list and show projects. Project names and descriptions are the users' text: never markdown.</summary>
public sealed class ProjectCards(CoachingContent content)
{
    public const int MaxListed = 15;
    public const int MaxGapsShown = 5;
    public const string ProjectInput = "project";
    public const string NameInput = "name";
    public const string DescriptionInput = "description";
    public const string PhaseInput = "phase";

    private StringCatalog Strings => content.Strings;

    /// <summary>"Which project?": the owner's projects in a drop-down, or a new one.</summary>
    public JsonObject Picker(IReadOnlyList<Project> projects, bool team, Language language)
    {
        var choices = new JsonArray(projects.Select(p => (JsonNode)new JsonObject { ["title"] = p.Name, ["value"] = p.Id }).ToArray());
        var body = new JsonArray
        {
            Text(Strings.Get(language, TextKeys.PickerTitle), size: "Large", weight: "Bolder"),
            Text(Strings.Get(language, team ? TextKeys.PickerIntroTeam : TextKeys.PickerIntroPerson)),
            new JsonObject
            {
                ["type"] = "Input.ChoiceSet", ["id"] = ProjectInput, ["style"] = "compact", ["isRequired"] = true,
                ["label"] = Strings.Get(language, TextKeys.PickerLabel), ["value"] = projects[0].Id, ["choices"] = choices,
            },
        };
        var actions = new JsonArray
        {
            Submit(Strings.Get(language, TextKeys.PickerStart), CommandIds.Frame, primary: true),
            Submit(Strings.Get(language, TextKeys.ProjectNewButton), CommandIds.NewProject),
        };
        var names = string.Join(", ", projects.Select(p => p.Name));
        return Card(body, actions, $"{Strings.Get(language, TextKeys.PickerTitle)} {names}");
    }

    /// <summary>The new-project form, with the reason the previous attempt was refused when there is one.</summary>
    public JsonObject Form(bool team, Language language, string? error = null, string? name = null, string? description = null, string? phase = null)
    {
        var phases = new JsonArray(content.Phases.Phases.Select(p => (JsonNode)new JsonObject { ["title"] = p.Title[language], ["value"] = p.Id }).ToArray());
        var body = new JsonArray
        {
            Text(Strings.Get(language, TextKeys.FormTitle), size: "Large", weight: "Bolder"),
            Text(Strings.Get(language, team ? TextKeys.FormIntroTeam : TextKeys.FormIntroPerson)),
        };
        if (error is not null) body.Add(Text(error, color: "Attention"));
        body.Add(new JsonObject
        {
            ["type"] = "Input.Text", ["id"] = NameInput, ["isRequired"] = true, ["maxLength"] = ProjectStore.MaxNameLength,
            ["label"] = Strings.Get(language, TextKeys.FormName), ["placeholder"] = Strings.Get(language, TextKeys.FormNamePlaceholder),
            ["errorMessage"] = Strings.Format(language, TextKeys.FormNameRequired, ("max", Number(ProjectStore.MaxNameLength))), ["value"] = name ?? "",
        });
        body.Add(new JsonObject
        {
            ["type"] = "Input.Text", ["id"] = DescriptionInput, ["maxLength"] = ProjectStore.MaxDescriptionLength,
            ["label"] = Strings.Get(language, TextKeys.FormDescription), ["placeholder"] = Strings.Get(language, TextKeys.FormDescriptionPlaceholder), ["value"] = description ?? "",
        });
        body.Add(new JsonObject
        {
            ["type"] = "Input.ChoiceSet", ["id"] = PhaseInput, ["style"] = "compact", ["isRequired"] = true,
            ["label"] = Strings.Get(language, TextKeys.FormPhase), ["value"] = phase ?? content.Phases.Phases[0].Id, ["choices"] = phases,
        });
        return Card(body, [Submit(Strings.Get(language, TextKeys.FormCreate), CommandIds.CreateProject, primary: true)], Strings.Get(language, TextKeys.FormTitle));
    }

    /// <summary>One row per project: name, phase, last readiness. A row opens the project's profile.</summary>
    public JsonObject List(IReadOnlyList<Project> projects, bool team, Language language)
    {
        var title = Strings.Get(language, team ? TextKeys.ProjectsTitleTeam : TextKeys.ProjectsTitlePerson);
        var body = new JsonArray { Text(title, size: "Large", weight: "Bolder") };
        foreach (var project in projects.Take(MaxListed))
        {
            body.Add(new JsonObject
            {
                ["type"] = "Container",
                ["separator"] = true,
                ["items"] = new JsonArray(UserText(project.Name, weight: "Bolder"), Text($"{PhaseTitle(project, language)} · {Readiness(project.LastAssessment, language)}", subtle: true)),
                ["selectAction"] = ProjectButton(Strings.Get(language, TextKeys.ProjectsOpen), CommandIds.Project, project.Id),
            });
        }
        if (projects.Count > MaxListed) body.Add(Text(Strings.Format(language, TextKeys.ProjectsMore, ("count", Number(projects.Count - MaxListed))), subtle: true));
        body.Add(Text(Strings.Get(language, TextKeys.ProjectsHint), subtle: true, size: "Small", separator: true));
        var actions = new JsonArray
        {
            Submit(Strings.Get(language, TextKeys.ProjectsFrame), CommandIds.Frame, primary: true),
            Submit(Strings.Get(language, TextKeys.ProjectNewButton), CommandIds.NewProject),
        };
        return Card(body, actions, $"{title}: {string.Join(", ", projects.Take(MaxListed).Select(p => p.Name))}");
    }

    /// <summary>A project's profile: phase, last readiness score and verdict with its date, AI Act tier, open gaps.</summary>
    public JsonObject Profile(Project project, Language language)
    {
        var last = project.LastAssessment;
        var body = new JsonArray { UserText(project.Name, size: "Large", weight: "Bolder") };
        if (project.Description.Length > 0) body.Add(UserText(project.Description));
        body.Add(Text(Strings.Format(language, TextKeys.ProfilePhase, ("phase", PhaseTitle(project, language)))));
        body.Add(Text(Strings.Format(language, TextKeys.ProfileCreated, ("date", Date(project.CreatedAt, language))), subtle: true));
        if (last is null)
        {
            body.Add(Text(Strings.Get(language, TextKeys.ProfileNotAssessed), separator: true));
        }
        else
        {
            body.Add(Text(Strings.Format(language, TextKeys.ProfileReadiness, ("readiness", Readiness(last, language))), weight: "Bolder", separator: true));
            body.Add(Text(Strings.Format(language, TextKeys.ProfileRuns, ("count", Number(project.Assessments.Count))), subtle: true));
            var tier = last.Tier is { } tierId && content.Framing.Rules.Tiers.FirstOrDefault(t => t.Id == tierId) is { } known
                ? known.Title[language] : Strings.Get(language, TextKeys.ScorecardTierUnknown);
            body.Add(Text(Strings.Format(language, TextKeys.ScorecardTier, ("tier", tier))));
            body.Add(Text(Strings.Get(language, TextKeys.ProfileGaps), weight: "Bolder", separator: true));
            var gaps = last.GapRemedies.Where(content.Framing.Rules.Remedies.ContainsKey).Take(MaxGapsShown).ToList();
            if (gaps.Count == 0) body.Add(Text(Strings.Get(language, TextKeys.ProfileNoGaps)));
            foreach (var remedy in gaps) body.Add(Text("• " + content.Framing.Rules.Remedies[remedy][language]));
            if (last.GapRemedies.Count > gaps.Count) body.Add(Text(Strings.Format(language, TextKeys.ProfileMoreGaps, ("count", Number(last.GapRemedies.Count - gaps.Count))), subtle: true));
        }
        var actions = new JsonArray { ProjectButton(Strings.Get(language, TextKeys.ProfileFrame), CommandIds.Frame, project.Id) };
        if (last is not null) actions.Add(ProjectButton(Strings.Get(language, TextKeys.ProfileExport), CommandIds.Export, project.Id));
        return Card(body, actions, $"{project.Name}: {PhaseTitle(project, language)}, {Readiness(last, language)}");
    }

    public string Readiness(AssessmentRecord? record, Language language) => record is null
        ? Strings.Get(language, TextKeys.ProjectsNotAssessed)
        : Strings.Format(language, TextKeys.ProjectsAssessed,
            ("score", Number(record.Overall)),
            ("verdict", Enum.TryParse<Verdict>(record.Verdict, out var verdict) ? Strings.Get(language, TextKeys.VerdictText(verdict)) : record.Verdict),
            ("date", Date(record.At, language)));

    private string PhaseTitle(Project project, Language language) => content.Phases.Find(project.Phase)?.Title[language] ?? project.Phase;

    private static string Date(DateTimeOffset at, Language language) => at.ToString("d MMM yyyy", language.Culture());

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static JsonObject Submit(string title, string command, bool primary = false)
    {
        var action = new JsonObject { ["type"] = "Action.Submit", ["title"] = title, ["data"] = new JsonObject { ["command"] = command } };
        if (primary) action["style"] = "positive";
        return action;
    }

    /// <summary>A button that runs a command on one project (frame it, open it, export it).</summary>
    public static JsonObject ProjectButton(string title, string command, string projectId) =>
        new() { ["type"] = "Action.Submit", ["title"] = title, ["data"] = new JsonObject { ["command"] = command, [ProjectInput] = projectId } };
}
