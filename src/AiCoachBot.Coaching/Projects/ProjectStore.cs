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

    private static string ProjectKey(string id) => $"project/{id}";
    private static string IndexKey(ProjectOwnership ownership) => $"projects/{ownership.Key}";
    private static string AnswersKey(string projectId, string runId) => $"assessment/{projectId}/{runId}";

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
    public async Task<(Project Project, bool Added)?> AddAssessmentAsync(ProjectOwnership asker, string id, AssessmentRecord assessment, IReadOnlyDictionary<string, Flows.Answer> answers, CancellationToken cancellationToken)
    {
        AssessmentRecord? dropped = null;
        var outcome = await store.UpdateAsync(ProjectKey(id), CoachingJsonContext.Default.Project, project =>
        {
            dropped = null;
            if (project is null || project.Ownership != asker) return Change<Project, (Project, bool)?>.Keep(null);
            if (assessment.RunId is not null && project.Assessments.Any(a => a.RunId == assessment.RunId))
                return Change<Project, (Project, bool)?>.Keep((project, false));
            if (project.Assessments.Count >= MaxAssessmentsKept) dropped = project.Assessments[0];
            var updated = project with { Assessments = [.. project.Assessments.TakeLast(MaxAssessmentsKept - 1), assessment] };
            return Change<Project, (Project, bool)?>.Save(updated, (updated, true));
        }, cancellationToken);
        if (outcome is null) return null;
        // Also when the run was recorded before: an attempt that stopped in between may not have written them.
        if (assessment.RunId is { } runId)
        {
            try { await store.WriteAsync(AnswersKey(id, runId), new AssessmentAnswers(answers), ifMatch: null, CoachingJsonContext.Default.AssessmentAnswers, cancellationToken); }
            catch (ConcurrencyConflictException) { }
        }
        if (dropped?.RunId is { } droppedRun) await store.DeleteAsync(AnswersKey(id, droppedRun), ifMatch: null, cancellationToken);
        return outcome;
    }

    /// <summary>The answers behind one of the project's assessments; the caller has checked the project is the asker's.</summary>
    public async Task<IReadOnlyDictionary<string, Flows.Answer>?> ReadAnswersAsync(Project project, string runId, CancellationToken cancellationToken) =>
        (await store.ReadAsync(AnswersKey(project.Id, runId), CoachingJsonContext.Default.AssessmentAnswers, cancellationToken))?.Value.Answers;

    private static string Trim(string text, int max)
    {
        var clean = TextNormalizer.Clean(text);
        return clean.Length <= max ? clean : clean[..max];
    }
}
