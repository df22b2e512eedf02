using System.Text.Json.Nodes;
using AiCoachBot.Coaching.Commands;
using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Framing;
using AiCoachBot.Coaching.Localization;
using AiCoachBot.Coaching.Projects;
using AiCoachBot.Coaching.State;

namespace AiCoachBot.Coaching.Conversation;

/// <summary>
/// The project commands: choose or create the project a framing run or a diagnostic belongs to, list the
/// projects, show one, and export its last assessment. Only the asker's own projects (the team's in a channel) are ever shown.
/// </summary>
public sealed class ProjectTurns(CoachingContent content, ProjectStore projects, IDocumentStore store, Replies replies, StartOnProject startOnProject)
{
    private readonly ProjectCards _cards = new(content);
    private readonly AssessmentMarkdown _markdown = new(content.Strings, content.Framing);

    /// <summary>The longest description of a problem kept for a diagnostic.</summary>
    public const int MaxSymptomsLength = 300;

    /// <summary>
    /// "frame" or "diagnose": resume the run in progress, start one on the chosen project, or ask which project
    /// (or for a new one). <paramref name="symptoms"/> is what the user described, carried to the diagnostic.
    /// </summary>
    public async Task<TurnResult> ChooseAsync(UserTurn turn, string purpose, string? projectId, string? symptoms, CancellationToken cancellationToken)
    {
        projectId ??= await RunningProjectAsync(turn, purpose, cancellationToken);
        if (projectId is not null)
        {
            var lookup = await projects.GetAsync(Owner(turn), projectId, cancellationToken);
            return lookup.Project is { } project ? await startOnProject(turn, project, purpose, symptoms, [], cancellationToken) : Refusal(turn, lookup);
        }
        var owned = await projects.ListAsync(Owner(turn), cancellationToken);
        return TurnResult.Say(OutgoingMessage.OfCard(owned.Count == 0
            ? _cards.Form(IsTeam(turn), turn.Language, purpose: purpose, symptoms: symptoms)
            : _cards.Picker(owned, IsTeam(turn), turn.Language, purpose, symptoms)));
    }

    public TurnResult NewProject(UserTurn turn, JsonObject data) =>
        TurnResult.Say(OutgoingMessage.OfCard(_cards.Form(IsTeam(turn), turn.Language, purpose: Purpose(data), symptoms: Symptoms(data))));

    /// <summary>The form's submit: checked field by field; a refused form comes back with the reason and what was typed.</summary>
    public async Task<TurnResult> CreateAsync(UserTurn turn, JsonObject data, CancellationToken cancellationToken)
    {
        var language = turn.Language;
        var name = TextNormalizer.Clean(Field(data, ProjectCards.NameInput));
        var description = TextNormalizer.Clean(Field(data, ProjectCards.DescriptionInput));
        var phase = Field(data, ProjectCards.PhaseInput);
        string? error = null;
        if (name.Length is 0 or > ProjectStore.MaxNameLength)
            error = content.Strings.Format(language, TextKeys.FormNameRequired, ("max", ProjectStore.MaxNameLength.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        else if (description.Length > ProjectStore.MaxDescriptionLength)
            error = content.Strings.Format(language, TextKeys.FormDescriptionTooLong, ("max", ProjectStore.MaxDescriptionLength.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        else if (content.Phases.Find(phase) is null)
            error = content.Strings.Get(language, TextKeys.FormPhaseInvalid);
        if (error is not null) return FormAgain(turn, error, name, description, phase, data);

        var creation = await projects.CreateAsync(Owner(turn), name, description, phase, turn.UserId, cancellationToken);
        // The same name again (a second click, or a colleague who had the same idea) means that project.
        var lookup = creation.Created is { } created ? new ProjectLookup(LookupStatus.Found, created) : await projects.GetAsync(Owner(turn), creation.NameTakenBy!.Id, cancellationToken);
        if (lookup.Project is not { } project) return Refusal(turn, lookup);
        var saying = replies.Text(language, creation.Created is null ? TextKeys.ProjectNameTaken : TextKeys.ProjectCreated,
            new Dictionary<string, string> { ["project"] = MarkdownText.Literal(project.Name) });
        return await startOnProject(turn, project, Purpose(data), Symptoms(data), [saying], cancellationToken);
    }

    public async Task<TurnResult> ListAsync(UserTurn turn, CancellationToken cancellationToken)
    {
        var owned = await projects.ListAsync(Owner(turn), cancellationToken);
        return owned.Count == 0
            ? TurnResult.Say(replies.Text(turn.Language, IsTeam(turn) ? TextKeys.ProjectsNoneTeam : TextKeys.ProjectsNonePerson))
            : TurnResult.Say(OutgoingMessage.OfCard(_cards.List(owned, IsTeam(turn), turn.Language)));
    }

    /// <summary>"project Chatbot RH" or a row of the projects card: the profile; no name at all: the list.</summary>
    public async Task<TurnResult> ProfileAsync(UserTurn turn, string? name, string? projectId, CancellationToken cancellationToken)
    {
        if (name is null && projectId is null) return await ListAsync(turn, cancellationToken);
        var lookup = await FindAsync(turn, name, projectId, cancellationToken);
        return lookup.Project is { } project ? TurnResult.Say(OutgoingMessage.OfCard(_cards.Profile(project, turn.Language))) : Refusal(turn, lookup);
    }

    /// <summary>"export": the last assessment of the named project, or of the most recently assessed one.</summary>
    public async Task<TurnResult> ExportAsync(UserTurn turn, string? name, string? projectId, CancellationToken cancellationToken)
    {
        var language = turn.Language;
        Project? project;
        if (name is null && projectId is null)
        {
            project = (await projects.ListAsync(Owner(turn), cancellationToken)).FirstOrDefault(p => p.LastAssessment is not null);
            if (project is null) return TurnResult.Say(replies.Text(language, TextKeys.ExportNothing));
        }
        else
        {
            var lookup = await FindAsync(turn, name, projectId, cancellationToken);
            if (lookup.Project is null) return Refusal(turn, lookup);
            project = lookup.Project;
        }
        var document = project.LastAssessment is { } last ? await DocumentAsync(project, last, language, cancellationToken) : null;
        return document is not null
            ? TurnResult.Say(OutgoingMessage.OfDocument(document))
            : TurnResult.Say(replies.Text(language, TextKeys.ExportNotAssessed, new Dictionary<string, string> { ["project"] = MarkdownText.Literal(project.Name) }));
    }

    /// <summary>The document an earlier export offered, built again (the user accepted the file); null if it is no longer the asker's.</summary>
    public async Task<ExportDocument?> DocumentAgainAsync(UserTurn turn, JsonObject reference, CancellationToken cancellationToken)
    {
        if (Field(reference, ProjectCards.ProjectInput) is not { Length: > 0 } projectId) return null;
        var runId = Field(reference, "run");
        var lookup = await projects.GetAsync(Owner(turn), projectId, cancellationToken);
        var record = lookup.Project?.Assessments.LastOrDefault(a => a.RunId == runId);
        return record is null ? null : await DocumentAsync(lookup.Project!, record, turn.Language, cancellationToken);
    }

    private async Task<ExportDocument?> DocumentAsync(Project project, AssessmentRecord record, Language language, CancellationToken cancellationToken)
    {
        if (record.RunId is null || await projects.ReadAnswersAsync(project, record.RunId, cancellationToken) is not { } answers) return null;
        var markdown = _markdown.Render(project.Name, record.At, answers, RulesEngine.Evaluate(content.Framing.Rules, answers), language);
        var reference = new JsonObject { [ProjectCards.ProjectInput] = project.Id, ["run"] = record.RunId };
        return new ExportDocument(
            $"framing-{ExportFileName.Part(project.Name)}-{record.At:yyyy-MM-dd}.md",
            content.Strings.Format(language, TextKeys.ExportFileDescription, ("project", project.Name)),
            content.Strings.Format(language, TextKeys.ExportIntro, ("project", MarkdownText.Literal(project.Name))),
            markdown,
            reference);
    }

    private async Task<ProjectLookup> FindAsync(UserTurn turn, string? name, string? projectId, CancellationToken cancellationToken) =>
        projectId is not null ? await projects.GetAsync(Owner(turn), projectId, cancellationToken) : await projects.FindByNameAsync(Owner(turn), name!, cancellationToken);

    private async Task<string?> RunningProjectAsync(UserTurn turn, string purpose, CancellationToken cancellationToken)
    {
        var flowId = purpose == CommandIds.Diagnose ? content.Diagnostic.Questions.Id : content.Framing.Checklist.Id;
        var session = await store.ReadAsync(turn.SessionKey, CoachingJsonContext.Default.UserSession, cancellationToken);
        return session?.Value.ActiveFlow is { ProjectId: { } id } active && active.FlowId == flowId ? id : null;
    }

    private TurnResult FormAgain(UserTurn turn, string error, string name, string description, string phase, JsonObject data) =>
        TurnResult.Say(OutgoingMessage.OfCard(_cards.Form(IsTeam(turn), turn.Language, error, name, description, phase, Purpose(data), Symptoms(data))));

    /// <summary>What a button carries is the user's to tamper with: anything but "diagnose" means framing.</summary>
    private static string Purpose(JsonObject data) => Field(data, ProjectCards.ThenField) == CommandIds.Diagnose ? CommandIds.Diagnose : CommandIds.Frame;

    private static string? Symptoms(JsonObject data) =>
        CardValues.Text(data[ProjectCards.SymptomsField], CardValues.MaxInputLength) is { Length: > 0 } text ? ClipSymptoms(TextNormalizer.Clean(text)) : null;

    /// <summary>A described problem, cut to the length a diagnostic keeps.</summary>
    public static string ClipSymptoms(string text) => text.Length <= MaxSymptomsLength ? text : text[..MaxSymptomsLength];

    private TurnResult Refusal(UserTurn turn, ProjectLookup lookup) => lookup.Status switch
    {
        LookupStatus.NotYours => TurnResult.Say(replies.Text(turn.Language, TextKeys.ProjectNotYours)),
        LookupStatus.Ambiguous => TurnResult.Say(replies.Text(turn.Language, TextKeys.ProjectAmbiguous,
            new Dictionary<string, string> { ["matches"] = string.Join(", ", lookup.Matches!.Select(MarkdownText.Literal)) })),
        _ => TurnResult.Say(replies.Text(turn.Language, TextKeys.ProjectNotFound)),
    };

    private static ProjectOwnership Owner(UserTurn turn) => ProjectOwnership.For(turn.Scope, turn.UserId);

    private static bool IsTeam(UserTurn turn) => Owner(turn).Kind == ProjectOwnerKind.Team;

    private static string Field(JsonObject data, string name) => CardValues.Text(data[name], CardValues.MaxInputLength) ?? "";
}

/// <summary>Starts (or resumes) the framing checklist or the diagnostic (<paramref name="purpose"/>) on a project, after the given messages.</summary>
public delegate Task<TurnResult> StartOnProject(UserTurn turn, Project project, string purpose, string? symptoms, IReadOnlyList<OutgoingMessage> before, CancellationToken cancellationToken);
