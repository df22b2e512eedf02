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
    public const int MaxRetrosShown = 5;
    public const string ProjectInput = "project";
    public const string NameInput = "name";
    public const string DescriptionInput = "description";
    public const string PhaseInput = "phase";
    /// <summary>Carried by the picker and the form: what to run once the project is chosen, and the user's description.</summary>
    public const string ThenField = "then";
    public const string SymptomsField = "symptoms";

    private StringCatalog Strings => content.Strings;

    /// <summary>"Which project?": the owner's projects in a drop-down, or a new one; then <paramref name="purpose"/> (frame or diagnose) runs on it.</summary>
    public JsonObject Picker(IReadOnlyList<Project> projects, bool team, Language language, string purpose = CommandIds.Frame, string? symptoms = null)
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
        var start = Strings.Get(language, purpose == CommandIds.Diagnose ? TextKeys.DiagnosticPickerStart : TextKeys.PickerStart);
        var actions = new JsonArray
        {
            Carrying(Submit(start, purpose, "positive"), purpose, symptoms),
            Carrying(Submit(Strings.Get(language, TextKeys.ProjectNewButton), CommandIds.NewProject), purpose, symptoms),
        };
        var names = string.Join(", ", projects.Select(p => p.Name));
        return Card(body, actions, $"{Strings.Get(language, TextKeys.PickerTitle)} {names}");
    }

    /// <summary>The new-project form, with the reason the previous attempt was refused when there is one.</summary>
    public JsonObject Form(bool team, Language language, string? error = null, string? name = null, string? description = null, string? phase = null,
        string purpose = CommandIds.Frame, string? symptoms = null)
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
        var create = Carrying(Submit(Strings.Get(language, TextKeys.FormCreate), CommandIds.CreateProject, "positive"), purpose, symptoms);
        return Card(body, [create], Strings.Get(language, TextKeys.FormTitle));
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
            Submit(Strings.Get(language, TextKeys.ProjectsFrame), CommandIds.Frame, "positive"),
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
        body.Add(Text(Strings.Format(language, TextKeys.ProfileCreated, ("date", language.Date(project.CreatedAt))), subtle: true));
        if (last is null)
        {
            body.Add(Text(Strings.Get(language, TextKeys.ProfileNotAssessed), separator: true));
        }
        else
        {
            body.Add(Text(Strings.Format(language, TextKeys.ProfileReadiness, ("readiness", Readiness(last, language))), weight: "Bolder", separator: true));
            body.Add(Text(Strings.Format(language, TextKeys.ProfileRuns, ("count", Number(project.Assessments.Count))), subtle: true));
            body.Add(Text(Strings.Format(language, TextKeys.ScorecardTier, ("tier", TierTitle(last, language) ?? Strings.Get(language, TextKeys.ScorecardTierUnknown)))));
            body.Add(Text(Strings.Get(language, TextKeys.ProfileGaps), weight: "Bolder", separator: true));
            var gaps = last.GapRemedies.Where(content.Framing.Rules.Remedies.ContainsKey).Take(MaxGapsShown).ToList();
            if (gaps.Count == 0) body.Add(Text(Strings.Get(language, TextKeys.ProfileNoGaps)));
            foreach (var remedy in gaps) body.Add(Text("• " + content.Framing.Rules.Remedies[remedy][language]));
            if (last.GapRemedies.Count > gaps.Count) body.Add(Text(Strings.Format(language, TextKeys.ProfileMoreGaps, ("count", Number(last.GapRemedies.Count - gaps.Count))), subtle: true));
        }
        AddDiagnosis(body, project, language);
        AddActions(body, project, language);
        AddRetros(body, project, language);
        var actions = new JsonArray
        {
            ProjectButton(Strings.Get(language, TextKeys.ProfileFrame), CommandIds.Frame, project.Id),
            ProjectButton(Strings.Get(language, TextKeys.ProfileDiagnose), CommandIds.Diagnose, project.Id),
        };
        if (last is not null) actions.Add(ProjectButton(Strings.Get(language, TextKeys.ProfileExport), CommandIds.Export, project.Id));
        return Card(body, actions, $"{project.Name}: {PhaseTitle(project, language)}, {Readiness(last, language)}");
    }

    /// <summary>The last diagnostic: its date and the pitfalls at high or medium risk.</summary>
    private void AddDiagnosis(JsonArray body, Project project, Language language)
    {
        if (project.DiagnosisHistory is not [.., var last])
        {
            body.Add(Text(Strings.Get(language, TextKeys.ProfileNoDiagnosis), separator: true));
            return;
        }
        var serious = last.Risks
            .Where(r => r.Level is nameof(Diagnostics.RiskLevel.High) or nameof(Diagnostics.RiskLevel.Medium))
            .Select(r => PitfallRisk(r, language)).OfType<string>().ToList();
        var summary = serious.Count == 0 ? Strings.Get(language, TextKeys.ProfileDiagnosisClear) : string.Join(", ", serious);
        body.Add(Text(Strings.Format(language, TextKeys.ProfileDiagnosis, ("date", language.Date(last.At)), ("summary", summary)), separator: true));
    }

    /// <summary>The open actions, oldest first, as the team wrote or accepted them.</summary>
    private void AddActions(JsonArray body, Project project, Language language)
    {
        var open = project.OpenActions;
        if (open.Count == 0) return;
        body.Add(Text(Strings.Format(language, TextKeys.ProfileActions, ("count", Number(open.Count))), weight: "Bolder", separator: true));
        foreach (var action in open.Take(MaxGapsShown)) body.Add(UserText("• " + action.Text));
        if (open.Count > MaxGapsShown) body.Add(Text(Strings.Format(language, TextKeys.ProfileMoreActions, ("count", Number(open.Count - MaxGapsShown))), subtle: true));
    }

    /// <summary>The past retros, newest first: when, which template, what was decided.</summary>
    private void AddRetros(JsonArray body, Project project, Language language)
    {
        var retros = project.RetroHistory.Reverse().Take(MaxRetrosShown).ToList();
        if (retros.Count == 0) return;
        body.Add(Text(Strings.Get(language, "profile.retros"), weight: "Bolder", separator: true));
        foreach (var retro in retros)
        {
            var title = content.Retros.Find(retro.TemplateId)?.Title[language] ?? retro.TemplateId;
            var outcome = retro.ClosedAt is null ? Strings.Get(language, "profile.retro.open")
                : retro.Decision is { } decision ? Strings.Get(language, $"retro.decision.{decision}") : "";
            body.Add(Text($"• {language.Date(retro.OpenedAt)} · {title} · {outcome}"));
        }
    }

    /// <summary>The AI Act tier an assessment found, by its title; null when it found none the rules know.</summary>
    public string? TierTitle(AssessmentRecord record, Language language) =>
        record.Tier is { } id && content.Framing.Rules.Tiers.FirstOrDefault(t => t.Id == id) is { } known ? known.Title[language] : null;

    /// <summary>"Data underestimated (high)": a diagnosed pitfall with its risk; null for a pitfall or level the catalogue no longer has.</summary>
    public string? PitfallRisk(PitfallRiskRecord risk, Language language) =>
        content.Diagnostic.Find(risk.Pitfall) is { } pitfall && Enum.TryParse<Diagnostics.RiskLevel>(risk.Level, out var level)
            ? $"{pitfall.Name[language]} ({Strings.Get(language, TextKeys.RiskLevelText(level))})" : null;

    public string Verdict(string verdict, Language language) =>
        Enum.TryParse<Verdict>(verdict, out var known) ? Strings.Get(language, TextKeys.VerdictText(known)) : verdict;

    public string Readiness(AssessmentRecord? record, Language language) => record is null
        ? Strings.Get(language, TextKeys.ProjectsNotAssessed)
        : Strings.Format(language, TextKeys.ProjectsAssessed,
            ("score", Number(record.Overall)),
            ("verdict", Verdict(record.Verdict, language)),
            ("date", language.Date(record.At)));

    private string PhaseTitle(Project project, Language language) => content.Phases.Title(project.Phase, language);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Framing is what a project is chosen for by default; anything else, and the description, ride along in the button's data.</summary>
    private static JsonObject Carrying(JsonObject submit, string purpose, string? symptoms)
    {
        var data = (JsonObject)submit["data"]!;
        if (purpose != CommandIds.Frame) data[ThenField] = purpose;
        if (!string.IsNullOrEmpty(symptoms)) data[SymptomsField] = symptoms;
        return submit;
    }

    /// <summary>A button that runs a command on one project (frame it, open it, export it).</summary>
    public static JsonObject ProjectButton(string title, string command, string projectId) =>
        new() { ["type"] = "Action.Submit", ["title"] = title, ["data"] = new JsonObject { ["command"] = command, [ProjectInput] = projectId } };
}
