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

    private static string ProjectKey(string id) => $"project/{id}";
    private static string IndexKey(ProjectOwnership ownership) => $"projects/{ownership.Key}";

    public async Task<Project> CreateAsync(ProjectOwnership ownership, string name, string description, string phase, string createdBy, CancellationToken cancellationToken)
    {
        var project = new Project(Guid.NewGuid().ToString("N")[..12], ownership, Trim(name, MaxNameLength), Trim(description, MaxDescriptionLength), phase, createdBy, time.GetUtcNow(), []);
        await store.WriteAsync(ProjectKey(project.Id), project, ifMatch: null, CoachingJsonContext.Default.Project, cancellationToken);
        await store.UpdateAsync(IndexKey(ownership), CoachingJsonContext.Default.ProjectIndex, index =>
            Change<ProjectIndex, bool>.Save(new ProjectIndex([.. index?.Projects ?? [], new ProjectIndexEntry(project.Id, project.Name)]), true), cancellationToken);
        return project;
    }

    public async Task<IReadOnlyList<Project>> ListAsync(ProjectOwnership ownership, CancellationToken cancellationToken)
    {
        var index = await store.ReadAsync(IndexKey(ownership), CoachingJsonContext.Default.ProjectIndex, cancellationToken);
        var projects = new List<Project>();
        foreach (var entry in index?.Value.Projects ?? [])
        {
            if (await store.ReadAsync(ProjectKey(entry.Id), CoachingJsonContext.Default.Project, cancellationToken) is { } project) projects.Add(project.Value);
        }
        return projects;
    }

    /// <summary>A project by id, refused when another team or another person owns it.</summary>
    public async Task<ProjectLookup> GetAsync(ProjectOwnership asker, string id, CancellationToken cancellationToken)
    {
        if (id.Length is 0 or > 64) return ProjectLookup.NotFound;
        var project = await store.ReadAsync(ProjectKey(id), CoachingJsonContext.Default.Project, cancellationToken);
        if (project is null) return ProjectLookup.NotFound;
        return project.Value.Ownership == asker ? new ProjectLookup(LookupStatus.Found, project.Value) : ProjectLookup.NotYours;
    }

    /// <summary>The asker's project whose name matches (any case, accents optional).</summary>
    public async Task<ProjectLookup> FindByNameAsync(ProjectOwnership asker, string name, CancellationToken cancellationToken)
    {
        var wanted = TextNormalizer.Fold(name);
        var index = await store.ReadAsync(IndexKey(asker), CoachingJsonContext.Default.ProjectIndex, cancellationToken);
        var entry = index?.Value.Projects.FirstOrDefault(p => TextNormalizer.Fold(p.Name) == wanted);
        return entry is null ? ProjectLookup.NotFound : await GetAsync(asker, entry.Id, cancellationToken);
    }

    public Task<Project?> AddAssessmentAsync(ProjectOwnership asker, string id, AssessmentRecord assessment, CancellationToken cancellationToken) =>
        store.UpdateAsync(ProjectKey(id), CoachingJsonContext.Default.Project, project =>
        {
            if (project is null || project.Ownership != asker) return Change<Project, Project?>.Keep(null);
            var updated = project with { Assessments = [.. project.Assessments, assessment] };
            return Change<Project, Project?>.Save(updated, updated);
        }, cancellationToken);

    private static string Trim(string text, int max)
    {
        var clean = TextNormalizer.Clean(text);
        return clean.Length <= max ? clean : clean[..max];
    }
}
