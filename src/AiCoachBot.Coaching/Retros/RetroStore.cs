using AiCoachBot.Coaching.Projects;
using AiCoachBot.Coaching.State;

namespace AiCoachBot.Coaching.Retros;

public enum RetroAccess { Found, NotFound, NotYours }

/// <summary>
/// Retros as documents (one per retro, every change through the ETag loop so that twenty members at once lose
/// nothing), listed on their project. A retro is its team's: asked for by anyone else, it is refused.
/// </summary>
public sealed class RetroStore(IDocumentStore store, ProjectStore projects, TimeProvider time)
{
    /// <summary>The project lists this many retros; older ones drop off its list (their documents stay for export).</summary>
    public const int MaxListed = 20;

    public static string Key(string id) => $"retro/{id}";

    public async Task<(RetroAccess Access, Retrospective? Retro)> GetAsync(ProjectOwnership asker, string? id, CancellationToken cancellationToken)
    {
        if (id is not { Length: > 0 and <= 64 }) return (RetroAccess.NotFound, null);
        var retro = (await store.ReadAsync(Key(id), CoachingJsonContext.Default.Retrospective, cancellationToken))?.Value;
        if (retro is null) return (RetroAccess.NotFound, null);
        return retro.Ownership == asker ? (RetroAccess.Found, retro) : (RetroAccess.NotYours, null);
    }

    /// <summary>
    /// Opens <paramref name="draft"/> on its project unless the project already has an open retro, which is then returned
    /// instead (two managers typing "retro" at once get one). Null when the project is not the asker's.
    /// </summary>
    public async Task<(Retrospective Retro, bool Opened)?> OpenAsync(ProjectOwnership asker, Retrospective draft, CancellationToken cancellationToken)
    {
        await store.WriteAsync(Key(draft.Id), draft, ifMatch: null, CoachingJsonContext.Default.Retrospective, cancellationToken);
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var project = await projects.ChangeAsync(asker, draft.ProjectId, p => p.OpenRetro is not null ? null
                : p with { Retros = [.. p.RetroHistory.TakeLast(MaxListed - 1), new RetroEntry(draft.Id, draft.TemplateId, draft.OpenedAt)] }, cancellationToken);
            if (project?.OpenRetro is not { } open) break;
            if (open.Id == draft.Id) return (draft, true);
            if ((await GetAsync(asker, open.Id, cancellationToken)).Retro is { IsOpen: true } existing)
            {
                await store.DeleteAsync(Key(draft.Id), ifMatch: null, cancellationToken);
                return (existing, false);
            }
            // The project lists an open retro whose document is gone or closed: record it as it is, then try again.
            await projects.ChangeAsync(asker, draft.ProjectId, p => p with { Retros = [.. p.RetroHistory.Where(r => r.Id != open.Id)] }, cancellationToken);
        }
        await store.DeleteAsync(Key(draft.Id), ifMatch: null, cancellationToken);
        return null;
    }

    /// <summary>Applies a member's change to the retro; decide runs again on a fresh read when someone else wrote first.</summary>
    public Task<TResult> UpdateAsync<TResult>(string id, Func<Retrospective?, Change<Retrospective, TResult>> decide, CancellationToken cancellationToken) =>
        store.UpdateAsync(Key(id), CoachingJsonContext.Default.Retrospective, decide, cancellationToken);

    public Task RememberCardAsync(string id, RetroCard card, CancellationToken cancellationToken) =>
        UpdateAsync(id, r => r is null ? Change<Retrospective, bool>.Keep(false) : Change<Retrospective, bool>.Save(r with { Card = card }, true), cancellationToken);

    /// <summary>
    /// Closes the retro with its outcome, then records it on the project: the new actions, what became of the previous
    /// retro's, and the decision. The project step is idempotent (actions are keyed by retro and position), so it is
    /// simply repeated if it did not happen.
    /// </summary>
    public async Task<Retrospective?> CloseAsync(Retrospective retro, RetroOutcome outcome, IReadOnlyList<ProjectAction> actions, string byName, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var closed = await UpdateAsync(retro.Id, current => current is { IsOpen: true }
            ? Change<Retrospective, Retrospective?>.Save(RetroBoard.Closed(current, outcome, byName, now) , RetroBoard.Closed(current, outcome, byName, now))
            : Change<Retrospective, Retrospective?>.Keep(null), cancellationToken);
        if (closed is null) return null;
        await projects.ChangeAsync(retro.Ownership, retro.ProjectId, p => Recorded(p, closed, actions, byName, now), cancellationToken);
        return closed;
    }

    private static Project? Recorded(Project project, Retrospective closed, IReadOnlyList<ProjectAction> actions, string byName, DateTimeOffset now)
    {
        var outcome = closed.Outcome!;
        var existing = project.Actions ?? [];
        var reviewed = outcome.Reviewed.ToDictionary(r => r.ActionId, r => r.Status);
        var updated = existing.Select(a => a.DoneAt is null && reviewed.TryGetValue(a.Id, out var status) && status != ReviewStatus.Carried
            ? a with { DoneAt = now, Dropped = status == ReviewStatus.Dropped, DoneByName = byName }
            : a).ToList();
        updated.AddRange(actions.Where(n => existing.All(a => a.Source != n.Source)));
        return project with
        {
            Actions = updated,
            Retros = [.. project.RetroHistory.Select(r => r.Id == closed.Id ? r with { ClosedAt = closed.ClosedAt, Decision = outcome.Decision } : r)],
        };
    }

    /// <summary>Reopens a retro closed less than a day ago, and undoes what closing did on the project.</summary>
    public async Task<Retrospective?> ReopenAsync(Retrospective retro, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var before = retro.Outcome;
        var reopened = await UpdateAsync(retro.Id, current => current is { ClosedAt: { } at } && now - at <= Retrospective.ReopenWindow
            ? Change<Retrospective, Retrospective?>.Save(RetroBoard.Reopened(current), RetroBoard.Reopened(current))
            : Change<Retrospective, Retrospective?>.Keep(null), cancellationToken);
        if (reopened is null || before is null) return reopened;
        var undone = before.Reviewed.Where(r => r.Status != ReviewStatus.Carried).Select(r => r.ActionId).ToHashSet();
        await projects.ChangeAsync(retro.Ownership, retro.ProjectId, p => p with
        {
            Actions = [.. (p.Actions ?? [])
                .Where(a => !(a.Source.StartsWith(ActionPrefix(retro.Id), StringComparison.Ordinal) && a.DoneAt is null))
                .Select(a => undone.Contains(a.Id) ? a with { DoneAt = null, Dropped = false, DoneByName = null } : a)],
            Retros = [.. p.RetroHistory.Select(r => r.Id == retro.Id ? r with { ClosedAt = null, Decision = null } : r)],
        }, cancellationToken);
        return reopened;
    }

    /// <summary>Deletes the retro and takes it off its project's list; actions it created stay on the project.</summary>
    public async Task DeleteAsync(Retrospective retro, CancellationToken cancellationToken)
    {
        await store.DeleteAsync(Key(retro.Id), ifMatch: null, cancellationToken);
        await projects.ChangeAsync(retro.Ownership, retro.ProjectId, p => p with { Retros = [.. p.RetroHistory.Where(r => r.Id != retro.Id)] }, cancellationToken);
    }

    /// <summary>"retro:&lt;id&gt;:&lt;n&gt;": where a retro's n-th action came from.</summary>
    public static string ActionSource(string retroId, int position) => ActionPrefix(retroId) + position.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string ActionPrefix(string retroId) => $"retro:{retroId}:";
}

/// <summary>What a retro says of a previous retro's open action.</summary>
public static class ReviewStatus
{
    public const string Carried = "carried";
    public const string Done = "done";
    public const string Dropped = "dropped";

    public static IReadOnlyList<string> All { get; } = [Carried, Done, Dropped];
}
