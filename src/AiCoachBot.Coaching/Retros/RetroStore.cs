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

    /// <summary>"retro:&lt;id&gt;:&lt;n&gt;": where a retro's n-th action came from.</summary>
    public static string ActionSource(string retroId, int position) => ActionPrefix(retroId) + position.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string ActionPrefix(string retroId) => $"retro:{retroId}:";

    public static bool IsRetroAction(ProjectAction action) => action.Source.StartsWith("retro:", StringComparison.Ordinal);

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
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var project = await projects.ChangeAsync(asker, draft.ProjectId, p => p.OpenRetro is not null ? null
                : p with { Retros = [.. p.RetroHistory.TakeLast(MaxListed - 1), new RetroEntry(draft.Id, draft.TemplateId, draft.OpenedAt)] }, cancellationToken);
            if (project?.OpenRetro is not { } open) break;
            if (open.Id == draft.Id) return (draft, true);
            var (_, existing) = await GetAsync(asker, open.Id, cancellationToken);
            if (existing is { IsOpen: true })
            {
                await store.DeleteAsync(Key(draft.Id), ifMatch: null, cancellationToken);
                return (existing, false);
            }
            // The project still lists as open a retro whose closing was interrupted (record it now), or whose deletion was.
            if (existing is not null) await EnsureRecordedAsync(existing, cancellationToken);
            else await projects.ChangeAsync(asker, draft.ProjectId, p => p with { Retros = [.. p.RetroHistory.Where(r => r.Id != open.Id)] }, cancellationToken);
        }
        await store.DeleteAsync(Key(draft.Id), ifMatch: null, cancellationToken);
        return null;
    }

    /// <summary>Applies a member's change to the retro; decide runs again on a fresh read when someone else wrote first.</summary>
    public Task<TResult> UpdateAsync<TResult>(string id, Func<Retrospective?, Change<Retrospective, TResult>> decide, CancellationToken cancellationToken) =>
        store.UpdateAsync(Key(id), CoachingJsonContext.Default.Retrospective, decide, cancellationToken);

    /// <summary>One more copy of the live card to keep up to date; the oldest copies beyond the limit are let go.</summary>
    public Task RememberCardAsync(string id, RetroCard card, CancellationToken cancellationToken) =>
        UpdateAsync(id, r => r is null ? Change<Retrospective, bool>.Keep(false)
            : Change<Retrospective, bool>.Save(r with { Cards = [.. r.PostedCards.TakeLast(Retrospective.MaxCards - 1), card] }, true), cancellationToken);

    /// <summary>
    /// Closes the retro with its outcome, then records it on the project: the new actions, what became of earlier
    /// retros' actions, and the decision. The outcome holds all of it, so recording is repeated if it was interrupted.
    /// </summary>
    public async Task<Retrospective?> CloseAsync(Retrospective retro, RetroOutcome outcome, string byName, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var closed = await UpdateAsync(retro.Id, current =>
        {
            if (current is not { IsOpen: true }) return Change<Retrospective, Retrospective?>.Keep(null);
            var after = RetroBoard.Closed(current, outcome, byName, now);
            return Change<Retrospective, Retrospective?>.Save(after, after);
        }, cancellationToken);
        if (closed is not null) await EnsureRecordedAsync(closed, cancellationToken);
        return closed;
    }

    /// <summary>Records a closed retro on its project, once: actions are added by id, earlier ones closed as reviewed.</summary>
    public Task EnsureRecordedAsync(Retrospective closed, CancellationToken cancellationToken) =>
        closed is not { ClosedAt: { } at, Outcome: { } outcome } ? Task.CompletedTask
            : projects.ChangeAsync(closed.Ownership, closed.ProjectId, project =>
            {
                if (project.RetroHistory.FirstOrDefault(r => r.Id == closed.Id) is not { ClosedAt: null }) return null;
                var existing = project.Actions ?? [];
                var reviewed = outcome.Reviewed.ToDictionary(r => r.ActionId, r => r.Status);
                var updated = existing.Select(a => a.DoneAt is null && reviewed.TryGetValue(a.Id, out var status) && status != ReviewStatus.Carried
                    ? a with { DoneAt = at, Dropped = status == ReviewStatus.Dropped, DoneByName = closed.ClosedByName }
                    : a).ToList();
                updated.AddRange(outcome.Actions.Where(n => existing.All(a => a.Id != n.Id)));
                return project with
                {
                    Actions = updated,
                    Retros = [.. project.RetroHistory.Select(r => r.Id == closed.Id ? r with { ClosedAt = at, Decision = outcome.Decision } : r)],
                };
            }, cancellationToken);

    /// <summary>
    /// Reopens a retro closed less than a day ago to change its decision, and undoes what closing did on the project:
    /// its actions still open go, and the earlier actions it closed are open again (not those someone marked done).
    /// </summary>
    public async Task<Retrospective?> ReopenAsync(Retrospective retro, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var reopened = await UpdateAsync(retro.Id, current =>
        {
            if (current is not { ClosedAt: { } at } || now - at > Retrospective.ReopenWindow) return Change<Retrospective, Retrospective?>.Keep(null);
            var after = RetroBoard.Reopen(current);
            return Change<Retrospective, Retrospective?>.Save(after, after);
        }, cancellationToken);
        if (reopened is null || retro is not { Outcome: { } outcome, ClosedAt: { } closedAt }) return reopened;
        var created = outcome.Actions.Select(a => a.Id).ToHashSet();
        var undone = outcome.Reviewed.Where(r => r.Status != ReviewStatus.Carried).Select(r => r.ActionId).ToHashSet();
        await projects.ChangeAsync(retro.Ownership, retro.ProjectId, p => p with
        {
            Actions = [.. (p.Actions ?? [])
                .Where(a => !(created.Contains(a.Id) && a.DoneAt is null))
                .Select(a => undone.Contains(a.Id) && a.DoneAt == closedAt ? a with { DoneAt = null, Dropped = false, DoneByName = null } : a)],
            Retros = [.. p.RetroHistory.Select(r => r.Id == retro.Id ? r with { ClosedAt = null, Decision = null } : r)],
        }, cancellationToken);
        return reopened;
    }

    /// <summary>Takes the retro off its project's list, then deletes it; actions it created stay on the project.</summary>
    public async Task DeleteAsync(Retrospective retro, CancellationToken cancellationToken)
    {
        await projects.ChangeAsync(retro.Ownership, retro.ProjectId, p => p with { Retros = [.. p.RetroHistory.Where(r => r.Id != retro.Id)] }, cancellationToken);
        await store.DeleteAsync(Key(retro.Id), ifMatch: null, cancellationToken);
    }
}
