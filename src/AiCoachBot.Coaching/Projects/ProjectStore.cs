using AiCoachBot.Coaching.Commands;
using AiCoachBot.Coaching.State;

namespace AiCoachBot.Coaching.Projects;

/// <summary>
/// Projects as documents: one per project, plus an index per owner for listing and lookup by name.
/// Every change goes through the ETag loop, so two people updating one project never overwrite each other.
/// </summary>
public sealed class ProjectStore(IDocumentStore store, TimeProvider time)
{
    public const int MaxNameLength = 80;
    public const int MaxDescriptionLength = 300;
    /// <summary>Older assessments are dropped beyond this, so a project document stays small.</summary>
    public const int MaxAssessmentsKept = 20;
    public const int MaxOpenActions = 30;
    public const int MaxActionLength = 500;

    public static string ProjectKey(string id) => $"project/{id}";
    private static string IndexKey(ProjectOwnership ownership) => $"projects/{ownership.Key}";
    private static string AnswersKey(string projectId, string runId) => $"assessment/{projectId}/{runId}";
    private static string DiagnosisAnswersKey(string projectId, string runId) => $"diagnosis/{projectId}/{runId}";
    private const string NudgeIndexKey = "nudges/index";
    private static string OwnedKey(string tenantId, string userId) => $"owned-projects/{tenantId}/{userId}";

    /// <summary>
    /// Names are unique per owner (any case, accents optional), so that "project name" always finds one.
    /// The name is reserved in the index first: two people creating the same name at once get one project.
    /// </summary>
    public async Task<ProjectCreation> CreateAsync(ProjectOwnership ownership, string name, string description, string phase, string createdBy, CancellationToken cancellationToken)
    {
        var project = new Project(Guid.NewGuid().ToString("N")[..12], ownership, Trim(name, MaxNameLength), Trim(description, MaxDescriptionLength), phase, createdBy, time.GetUtcNow(), []);
        var wanted = TextNormalizer.Fold(project.Name);
        var taken = await store.UpdateAsync(IndexKey(ownership), CoachingJsonContext.Default.ProjectIndex, index =>
        {
            var existing = index?.Projects.FirstOrDefault(p => TextNormalizer.Fold(p.Name) == wanted);
            return existing is not null
                ? Change<ProjectIndex, ProjectIndexEntry?>.Keep(existing)
                : Change<ProjectIndex, ProjectIndexEntry?>.Save(new ProjectIndex([.. index?.Projects ?? [], new ProjectIndexEntry(project.Id, project.Name)]), null);
        }, cancellationToken);
        if (taken is not null) return new ProjectCreation(null, taken);
        await store.WriteAsync(ProjectKey(project.Id), project, ifMatch: null, CoachingJsonContext.Default.Project, cancellationToken);
        if (ownership.Kind == ProjectOwnerKind.Team) await RememberOwnerAsync(ownership.TenantId, createdBy, project.Id, cancellationToken);
        return new ProjectCreation(project, null);
    }

    /// <summary>The owner's projects, most recently assessed or created first.</summary>
    public async Task<IReadOnlyList<Project>> ListAsync(ProjectOwnership ownership, CancellationToken cancellationToken)
    {
        var index = await store.ReadAsync(IndexKey(ownership), CoachingJsonContext.Default.ProjectIndex, cancellationToken);
        var projects = new List<Project>();
        foreach (var entry in index?.Value.Projects ?? [])
        {
            // An entry whose document was never written (a crash during creation) is skipped.
            if (await store.ReadAsync(ProjectKey(entry.Id), CoachingJsonContext.Default.Project, cancellationToken) is { } project) projects.Add(project.Value);
        }
        return projects.OrderByDescending(p => p.LastAssessment?.At ?? p.CreatedAt).ToList();
    }

    /// <summary>A project by id, refused when another team or another person owns it.</summary>
    public async Task<ProjectLookup> GetAsync(ProjectOwnership asker, string id, CancellationToken cancellationToken)
    {
        if (id.Length is 0 or > 64) return ProjectLookup.NotFound;
        var project = await store.ReadAsync(ProjectKey(id), CoachingJsonContext.Default.Project, cancellationToken);
        if (project is null) return ProjectLookup.NotFound;
        return project.Value.Ownership == asker ? new ProjectLookup(LookupStatus.Found, project.Value) : ProjectLookup.NotYours;
    }

    /// <summary>The asker's project by name (any case, accents optional), or the only one whose name contains what was typed.</summary>
    public async Task<ProjectLookup> FindByNameAsync(ProjectOwnership asker, string name, CancellationToken cancellationToken)
    {
        var wanted = TextNormalizer.Fold(name);
        var index = await store.ReadAsync(IndexKey(asker), CoachingJsonContext.Default.ProjectIndex, cancellationToken);
        var entries = index?.Value.Projects ?? [];
        var exact = entries.FirstOrDefault(p => TextNormalizer.Fold(p.Name) == wanted);
        if (exact is not null) return await GetAsync(asker, exact.Id, cancellationToken);
        var partial = wanted.Length == 0 ? [] : entries.Where(p => TextNormalizer.Fold(p.Name).Contains(wanted, StringComparison.Ordinal)).ToList();
        return partial.Count switch
        {
            0 => ProjectLookup.NotFound,
            1 => await GetAsync(asker, partial[0].Id, cancellationToken),
            _ => new ProjectLookup(LookupStatus.Ambiguous, Matches: partial.Select(p => p.Name).ToList()),
        };
    }

    /// <summary>
    /// Appends an assessment and keeps the answers behind it, unless that run is already recorded (a retried
    /// completion). Returns the project after the change and whether this call added it; null when the
    /// asker may not write the project.
    /// </summary>
    public Task<(Project Project, bool Added)?> AddAssessmentAsync(ProjectOwnership asker, string id, AssessmentRecord assessment, IReadOnlyDictionary<string, Flows.Answer> answers, CancellationToken cancellationToken) =>
        AppendRunAsync(asker, id, assessment, a => a.RunId, p => p.Assessments, (p, runs) => p with { Assessments = runs }, AnswersKey, answers, cancellationToken);

    /// <summary>Appends a diagnostic like an assessment: idempotent by run id, the answers kept beside it.</summary>
    public Task<(Project Project, bool Added)?> AddDiagnosisAsync(ProjectOwnership asker, string id, DiagnosisRecord diagnosis, IReadOnlyDictionary<string, Flows.Answer> answers, CancellationToken cancellationToken) =>
        AppendRunAsync(asker, id, diagnosis, d => d.RunId, p => p.DiagnosisHistory, (p, runs) => p with { Diagnoses = runs }, DiagnosisAnswersKey, answers, cancellationToken);

    /// <summary>
    /// Adds an open action unless one from the same source is still open. Null when the asker may not write
    /// the project; otherwise the project and what happened.
    /// </summary>
    public async Task<(Project Project, ActionOutcome Outcome)?> AddActionAsync(ProjectOwnership asker, string id, string text, string source, string createdBy, CancellationToken cancellationToken)
    {
        var action = new ProjectAction(Guid.NewGuid().ToString("N")[..12], Trim(text, MaxActionLength), source, createdBy, time.GetUtcNow());
        return await store.UpdateAsync(ProjectKey(id), CoachingJsonContext.Default.Project, project =>
        {
            if (project is null || project.Ownership != asker) return Change<Project, (Project, ActionOutcome)?>.Keep(null);
            var open = project.OpenActions;
            if (open.Any(a => a.Source == source)) return Change<Project, (Project, ActionOutcome)?>.Keep((project, ActionOutcome.AlreadyOpen));
            if (open.Count >= MaxOpenActions) return Change<Project, (Project, ActionOutcome)?>.Keep((project, ActionOutcome.TooMany));
            // Closed actions beyond the limit are dropped, oldest first, so the document stays small.
            var kept = (project.Actions ?? []).Where(a => a.DoneAt is null).Concat((project.Actions ?? []).Where(a => a.DoneAt is not null).TakeLast(MaxOpenActions));
            var updated = project with { Actions = [.. kept, action] };
            return Change<Project, (Project, ActionOutcome)?>.Save(updated, (updated, ActionOutcome.Added));
        }, cancellationToken);
    }

    /// <summary>
    /// Links the project to its channel with its KPIs and plan, or changes them. The set-up keeps its first owner;
    /// someone else may change it only if that owner named them. The project joins the nudge index once saved.
    /// </summary>
    public async Task<(SetupOutcome Outcome, Project? Project)> SetChannelAsync(ProjectOwnership asker, string id, Nudges.ProjectChannel channel, string phase, IReadOnlyList<string?> actor, CancellationToken cancellationToken)
    {
        var outcome = await store.UpdateAsync(ProjectKey(id), CoachingJsonContext.Default.Project, project =>
        {
            if (project is null) return Change<Project, (SetupOutcome Outcome, Project? Project)>.Keep((SetupOutcome.NotFound, null));
            if (project.Ownership != asker) return Change<Project, (SetupOutcome Outcome, Project? Project)>.Keep((SetupOutcome.NotYours, null));
            if (project.Channel is { } current && !current.MayChange(actor)) return Change<Project, (SetupOutcome Outcome, Project? Project)>.Keep((SetupOutcome.NotAllowed, project));
            var kept = project.Channel is { } before ? channel with { SetUpBy = before.SetUpBy, SetUpByName = before.SetUpByName, Editors = before.Editors } : channel;
            var updated = project with { Channel = kept, Phase = phase };
            return Change<Project, (SetupOutcome Outcome, Project? Project)>.Save(updated, (SetupOutcome.Saved, updated));
        }, cancellationToken);
        if (outcome.Outcome == SetupOutcome.Saved)
        {
            await RememberOwnerAsync(asker.TenantId, outcome.Project!.Channel!.SetUpBy, id, cancellationToken);
            await store.UpdateAsync(NudgeIndexKey, CoachingJsonContext.Default.NudgeIndex, index =>
                index?.ProjectIds.Contains(id) == true
                    ? Change<NudgeIndex, bool>.Keep(false)
                    : Change<NudgeIndex, bool>.Save(new NudgeIndex([.. index?.ProjectIds ?? [], id]), true), cancellationToken);
        }
        return outcome;
    }

    /// <summary>Pauses or resumes the weekly cards; the same rule as <see cref="SetChannelAsync"/> says who may.</summary>
    public Task<(SetupOutcome Outcome, Project? Project)> SetPausedAsync(ProjectOwnership asker, string id, IReadOnlyList<string?> actor, bool paused, CancellationToken cancellationToken) =>
        store.UpdateAsync(ProjectKey(id), CoachingJsonContext.Default.Project, project =>
        {
            if (project?.Channel is not { } channel) return Change<Project, (SetupOutcome Outcome, Project? Project)>.Keep((SetupOutcome.NotFound, null));
            if (project.Ownership != asker) return Change<Project, (SetupOutcome Outcome, Project? Project)>.Keep((SetupOutcome.NotYours, null));
            if (!channel.MayChange(actor)) return Change<Project, (SetupOutcome Outcome, Project? Project)>.Keep((SetupOutcome.NotAllowed, project));
            var updated = project with { Channel = channel with { Plan = channel.Plan with { Paused = paused, PausedReason = null } } };
            return Change<Project, (SetupOutcome Outcome, Project? Project)>.Save(updated, (SetupOutcome.Saved, updated));
        }, cancellationToken);

    /// <summary>A project by id, for the bot's own work (the weekly nudge), never for a user's request.</summary>
    public async Task<Project?> ReadForBotAsync(string id, CancellationToken cancellationToken) =>
        (await store.ReadAsync(ProjectKey(id), CoachingJsonContext.Default.Project, cancellationToken))?.Value;

    /// <summary>The bot pauses a project's cards itself when it can no longer post in its channel, and says why.</summary>
    public Task PauseForBotAsync(string id, string reason, CancellationToken cancellationToken) =>
        store.UpdateAsync(ProjectKey(id), CoachingJsonContext.Default.Project, project =>
            project?.Channel is { } channel
                ? Change<Project, bool>.Save(project with { Channel = channel with { Plan = channel.Plan with { Paused = true, PausedReason = reason } } }, true)
                : Change<Project, bool>.Keep(false), cancellationToken);

    /// <summary>The owner of a set-up names who else may change it (replacing the earlier list).</summary>
    public Task<(SetupOutcome Outcome, Project? Project)> SetEditorsAsync(ProjectOwnership asker, string id, IReadOnlyList<string?> actor, IReadOnlyList<Nudges.ChannelEditor> editors, CancellationToken cancellationToken) =>
        store.UpdateAsync(ProjectKey(id), CoachingJsonContext.Default.Project, project =>
        {
            if (project?.Channel is not { } channel) return Change<Project, (SetupOutcome Outcome, Project? Project)>.Keep((SetupOutcome.NotFound, null));
            if (project.Ownership != asker) return Change<Project, (SetupOutcome Outcome, Project? Project)>.Keep((SetupOutcome.NotYours, null));
            if (!channel.IsOwner(actor)) return Change<Project, (SetupOutcome Outcome, Project? Project)>.Keep((SetupOutcome.NotAllowed, project));
            var updated = project with { Channel = channel with { Editors = [.. editors.Take(Nudges.ProjectChannel.MaxEditors)] } };
            return Change<Project, (SetupOutcome Outcome, Project? Project)>.Save(updated, (SetupOutcome.Saved, updated));
        }, cancellationToken);

    /// <summary>
    /// Applies <paramref name="change"/> to the asker's project (null from it: nothing to change). Returns the project
    /// after the change, or null when it does not exist or is not the asker's.
    /// </summary>
    public Task<Project?> ChangeAsync(ProjectOwnership asker, string id, Func<Project, Project?> change, CancellationToken cancellationToken) =>
        store.UpdateAsync(ProjectKey(id), CoachingJsonContext.Default.Project, project =>
        {
            if (project is null || project.Ownership != asker) return Change<Project, Project?>.Keep(null);
            return change(project) is { } updated ? Change<Project, Project?>.Save(updated, updated) : Change<Project, Project?>.Keep(project);
        }, cancellationToken);

    /// <summary>Marks an open action done; whoever in the team presses the button. False when there is no such open action.</summary>
    public Task<(Project? Project, bool Done)> MarkActionDoneAsync(ProjectOwnership asker, string id, string actionId, string byName, CancellationToken cancellationToken) =>
        store.UpdateAsync(ProjectKey(id), CoachingJsonContext.Default.Project, project =>
        {
            if (project is null || project.Ownership != asker) return Change<Project, (Project?, bool)>.Keep((null, false));
            if (project.OpenActions.All(a => a.Id != actionId)) return Change<Project, (Project?, bool)>.Keep((project, false));
            var updated = project with { Actions = [.. project.Actions!.Select(a => a.Id == actionId ? a with { DoneAt = time.GetUtcNow(), DoneByName = byName } : a)] };
            return Change<Project, (Project?, bool)>.Save(updated, (updated, true));
        }, cancellationToken);

    /// <summary>
    /// The team projects this person owns (created, or owns the channel set-up of), known by any of their ids: what a
    /// manager may run a retro on from a personal chat.
    /// </summary>
    public async Task<IReadOnlyList<Project>> ManagedTeamProjectsAsync(string tenantId, IReadOnlyList<string?> ids, CancellationToken cancellationToken)
    {
        var projects = new List<Project>();
        foreach (var userId in ids.OfType<string>().Distinct())
        {
            var index = await store.ReadAsync(OwnedKey(tenantId, userId), CoachingJsonContext.Default.OwnedProjects, cancellationToken);
            foreach (var projectId in index?.Value.ProjectIds ?? [])
            {
                if (await ReadForBotAsync(projectId, cancellationToken) is { Ownership.Kind: ProjectOwnerKind.Team } project
                    && project.Ownership.TenantId == tenantId && project.IsOwner(ids) && projects.All(p => p.Id != project.Id))
                    projects.Add(project);
            }
        }
        return projects;
    }

    /// <summary>A project the asker's conversation owns, or a team project the person owns (asked from their personal chat).</summary>
    public async Task<ProjectLookup> GetManagedAsync(ProjectOwnership asker, IReadOnlyList<string?> ids, string id, CancellationToken cancellationToken)
    {
        var lookup = await GetAsync(asker, id, cancellationToken);
        if (lookup.Status != LookupStatus.NotYours || asker.Kind != ProjectOwnerKind.Person) return lookup;
        var project = await ReadForBotAsync(id, cancellationToken);
        return project is { Ownership.Kind: ProjectOwnerKind.Team } && project.Ownership.TenantId == asker.TenantId && project.IsOwner(ids)
            ? new ProjectLookup(LookupStatus.Found, project) : lookup;
    }

    public Task RememberOwnerAsync(string tenantId, string userId, string projectId, CancellationToken cancellationToken) =>
        store.UpdateAsync(OwnedKey(tenantId, userId), CoachingJsonContext.Default.OwnedProjects, index =>
            index?.ProjectIds.Contains(projectId) == true
                ? Change<OwnedProjects, bool>.Keep(false)
                : Change<OwnedProjects, bool>.Save(new OwnedProjects([.. index?.ProjectIds ?? [], projectId]), true), cancellationToken);

    /// <summary>The team's project set up in this channel, if any.</summary>
    public async Task<Project?> FindByChannelAsync(ProjectOwnership team, string channelId, CancellationToken cancellationToken) =>
        LinkedTo(await ListAsync(team, cancellationToken), channelId);

    /// <summary>Of these projects, the one whose weekly cards go to this channel.</summary>
    public static Project? LinkedTo(IReadOnlyList<Project> projects, string? channelId) =>
        channelId is null ? null : projects.FirstOrDefault(p => p.Channel?.Channel.ChannelId == channelId);

    /// <summary>Every project of an organisation, read whole: for the portfolio office and privacy requests, not for turns.</summary>
    public async Task<IReadOnlyList<Project>> InTenantAsync(string tenantId, CancellationToken cancellationToken)
    {
        var found = new List<Project>();
        await foreach (var (_, project) in store.ListAsync("project/", CoachingJsonContext.Default.Project, cancellationToken))
            if (project.Value.Ownership.TenantId == tenantId) found.Add(project.Value);
        return found;
    }

    /// <summary>The ids of every project with a channel set-up: what the weekly nudge scans.</summary>
    public async Task<IReadOnlyList<string>> NudgedProjectIdsAsync(CancellationToken cancellationToken) =>
        (await store.ReadAsync(NudgeIndexKey, CoachingJsonContext.Default.NudgeIndex, cancellationToken))?.Value.ProjectIds ?? [];

    private async Task<(Project Project, bool Added)?> AppendRunAsync<TRecord>(
        ProjectOwnership asker, string id, TRecord record, Func<TRecord, string?> runIdOf,
        Func<Project, IReadOnlyList<TRecord>> runs, Func<Project, IReadOnlyList<TRecord>, Project> withRuns,
        Func<string, string, string> answersKey, IReadOnlyDictionary<string, Flows.Answer> answers, CancellationToken cancellationToken)
    {
        var runId = runIdOf(record);
        string? droppedRun = null;
        var outcome = await store.UpdateAsync(ProjectKey(id), CoachingJsonContext.Default.Project, project =>
        {
            droppedRun = null;
            if (project is null || project.Ownership != asker) return Change<Project, (Project, bool)?>.Keep(null);
            var existing = runs(project);
            if (runId is not null && existing.Any(r => runIdOf(r) == runId)) return Change<Project, (Project, bool)?>.Keep((project, false));
            if (existing.Count >= MaxAssessmentsKept) droppedRun = runIdOf(existing[0]);
            var updated = withRuns(project, [.. existing.TakeLast(MaxAssessmentsKept - 1), record]);
            return Change<Project, (Project, bool)?>.Save(updated, (updated, true));
        }, cancellationToken);
        if (outcome is null) return null;
        // Also when the run was recorded before: an attempt that stopped in between may not have written them.
        if (runId is not null)
        {
            try { await store.WriteAsync(answersKey(id, runId), new AssessmentAnswers(answers), ifMatch: null, CoachingJsonContext.Default.AssessmentAnswers, cancellationToken); }
            catch (ConcurrencyConflictException) { }
        }
        if (droppedRun is not null) await store.DeleteAsync(answersKey(id, droppedRun), ifMatch: null, cancellationToken);
        return outcome;
    }

    /// <summary>The answers behind one of the project's assessments; the caller has checked the project is the asker's.</summary>
    public async Task<IReadOnlyDictionary<string, Flows.Answer>?> ReadAnswersAsync(Project project, string runId, CancellationToken cancellationToken) =>
        (await store.ReadAsync(AnswersKey(project.Id, runId), CoachingJsonContext.Default.AssessmentAnswers, cancellationToken))?.Value.Answers;

    /// <summary>The answers behind one of the project's diagnostics; the caller has checked the project is the asker's.</summary>
    public async Task<IReadOnlyDictionary<string, Flows.Answer>?> ReadDiagnosisAnswersAsync(Project project, string runId, CancellationToken cancellationToken) =>
        (await store.ReadAsync(DiagnosisAnswersKey(project.Id, runId), CoachingJsonContext.Default.AssessmentAnswers, cancellationToken))?.Value.Answers;

    private static string Trim(string text, int max)
    {
        var clean = TextNormalizer.Clean(text);
        return clean.Length <= max ? clean : clean[..max];
    }
}
