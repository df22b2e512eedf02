using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using AiCoachBot.Coaching.Coach;
using AiCoachBot.Coaching.Nudges;
using AiCoachBot.Coaching.Projects;
using AiCoachBot.Coaching.Retros;
using AiCoachBot.Coaching.State;

namespace AiCoachBot.Coaching.Privacy;

/// <summary>
/// Erases a person from the bot: their own records go (conversation state, coach questions, feedback, budgets, indexes);
/// the teams' records stay with the person replaced by <see cref="FormerMember"/> (KPI values, retro items and decisions,
/// actions, set-ups); a project they owned passes to its co-owner (the other of its creator and set-up owner, else its
/// first set-up editor), or is archived with their name removed. Every change is a conditional write, decided again if
/// someone else wrote first, so nothing written meanwhile is lost.
/// </summary>
public sealed class PersonalDataEraser(IDocumentStore store, PseudonymKey pseudonymKey, TimeProvider time)
{
    private readonly ProjectStore _projects = new(store, time);

    public async Task<ErasureSummary> EraseAsync(Person person, CancellationToken cancellationToken)
    {
        var finder = new PersonalDataFinder(store, _projects);
        var erased = 0;
        var anonymised = 0;
        foreach (var document in await finder.OwnRecordsAsync(person, cancellationToken))
            if (await store.DeleteAsync(document.Key, ifMatch: null, cancellationToken)) erased++;

        foreach (var key in await KeysAsync($"coach-answer/{person.TenantId}/", cancellationToken))
        {
            var outcome = await ChangeAsync(key, CoachingJsonContext.Default.AnswerRecord, record => person.Is(record.UserId)
                ? null
                : record with { Feedback = [.. record.Feedback.Where(f => !person.Is(f.UserId))] }, cancellationToken);
            if (outcome == Outcome.Deleted) erased++;
            if (outcome == Outcome.Changed) anonymised++;
        }
        foreach (var key in await KeysAsync($"roster/{person.TenantId}/", cancellationToken))
            if (await ChangeAsync(key, CoachingJsonContext.Default.ConversationRoster, roster => roster with { Names = [.. roster.Names.Where(n => !person.IsNamed(n))] }, cancellationToken) == Outcome.Changed)
                anonymised++;

        foreach (var key in await KeysAsync($"portfolio-managers/{person.TenantId}/", cancellationToken))
            if (await ChangeAsync(key, CoachingJsonContext.Default.TeamProgrammeManagers, named => named with { Managers = [.. named.Managers.Where(m => !person.Is(m.Id))] }, cancellationToken) == Outcome.Changed)
                anonymised++;

        var handedOver = 0;
        var archived = 0;
        var tenantProjects = await _projects.InTenantAsync(person.TenantId, cancellationToken);
        foreach (var read in tenantProjects)
        {
            // The answers behind a project of their own are theirs: erased, while the project is archived out of reach.
            if (PersonalDataFinder.IsTheirOwn(person, read))
                foreach (var answers in await finder.AnswersBehindAsync(read, cancellationToken))
                    if (await store.DeleteAsync(answers.Key, ifMatch: null, cancellationToken)) erased++;
            string? heir = null;
            var wasArchived = false;
            var outcome = await ChangeAsync(ProjectStore.ProjectKey(read.Id), CoachingJsonContext.Default.Project, project =>
            {
                var (scrubbed, newOwner) = ProjectWithout(person, project);
                (heir, wasArchived) = (newOwner, scrubbed.ArchivedAt is not null && project.ArchivedAt is null);
                return scrubbed;
            }, cancellationToken);
            if (outcome == Outcome.Changed) anonymised++;
            if (heir is not null)
            {
                handedOver++;
                await _projects.RememberOwnerAsync(person.TenantId, heir, read.Id, cancellationToken);
            }
            if (wasArchived) archived++;
        }
        foreach (var projectId in tenantProjects.Select(p => p.Id))
        {
            if (await ChangeAsync(NudgeDispatcher.HistoryKey(projectId), CoachingJsonContext.Default.KpiHistory, history => history with
                {
                    Weeks = [.. history.Weeks.Select(w => person.Is(w.By) ? w with { By = FormerMember.Id, ByName = FormerMember.Name } : w)],
                }, cancellationToken) == Outcome.Changed)
                anonymised++;
        }
        foreach (var key in await KeysAsync("retro/", cancellationToken))
            if (await ChangeAsync(key, CoachingJsonContext.Default.Retrospective, retro => retro.Ownership.TenantId == person.TenantId ? RetroWithout(person, retro) : retro, cancellationToken) == Outcome.Changed)
                anonymised++;

        return new ErasureSummary(erased, anonymised, handedOver, archived);
    }

    /// <summary>The project without the person, and who took it over if they owned it and someone could.</summary>
    private (Project Project, string? Heir) ProjectWithout(Person person, Project project)
    {
        var now = time.GetUtcNow();
        var scrubbed = project with { Actions = project.Actions is null ? null : [.. project.Actions.Select(a => ActionWithout(person, a))] };
        if (PersonalDataFinder.IsTheirOwn(person, project))
            return (scrubbed with { Ownership = FormerMember.Ownership(project.Ownership, project.Id), CreatedBy = FormerMember.Id, ArchivedAt = project.ArchivedAt ?? now }, null);

        var channel = project.Channel;
        var editors = (channel?.Editors ?? []).Where(e => !person.Is(e.Id)).ToList();
        var createdByThem = person.Is(project.CreatedBy);
        var setUpByThem = channel is not null && person.Is(channel.SetUpBy);
        if (channel is not null)
            scrubbed = scrubbed with { Channel = channel with { Editors = editors, Kpis = [.. channel.Kpis.Select(k => person.IsNamed(k.Owner) ? k with { Owner = FormerMember.Name } : k)] } };
        if (!createdByThem && !setUpByThem) return (scrubbed, null);

        // The co-owner: the other of creator and set-up owner, else the first editor the set-up's owner named.
        (string Id, string? Name)? heir =
            createdByThem && channel is not null && !setUpByThem ? (channel.SetUpBy, channel.SetUpByName)
            : setUpByThem && !createdByThem ? (project.CreatedBy, null)
            : editors.Count > 0 ? (editors[0].Id, editors[0].Name)
            : null;
        if (heir is { } next)
        {
            var handed = scrubbed with { CreatedBy = createdByThem ? next.Id : project.CreatedBy };
            if (setUpByThem && handed.Channel is { } kept)
                handed = handed with { Channel = kept with { SetUpBy = next.Id, SetUpByName = next.Name ?? "", Editors = [.. kept.Editors.Where(e => e.Id != next.Id)] } };
            return (handed, next.Id);
        }
        var archived = (scrubbed with { CreatedBy = createdByThem ? FormerMember.Id : project.CreatedBy }).Archived(now, "archived: its owner left");
        if (archived.Channel is { } set) archived = archived with { Channel = set with { SetUpBy = FormerMember.Id, SetUpByName = FormerMember.Name } };
        return (archived, null);
    }

    private static ProjectAction ActionWithout(Person person, ProjectAction action)
    {
        var scrubbed = action;
        if (person.Is(action.CreatedBy)) scrubbed = scrubbed with { CreatedBy = FormerMember.Id };
        if (person.Is(action.OwnerId) || (action.OwnerId is null && person.IsNamed(action.Owner))) scrubbed = scrubbed with { OwnerId = FormerMember.Id, Owner = FormerMember.Name };
        if (person.IsNamed(action.DoneByName)) scrubbed = scrubbed with { DoneByName = FormerMember.Name };
        return scrubbed;
    }

    /// <summary>
    /// The retro without the person: their named items and decisions attributed to a former member, and in an open retro
    /// their pseudonym replaced by a random one, so that not even the service can find their items again.
    /// </summary>
    private Retrospective RetroWithout(Person person, Retrospective retro)
    {
        var pseudonyms = retro.Salt is { } salt ? person.Ids.Select(id => RetroPseudonym.Of(pseudonymKey, salt, id)).ToHashSet() : [];
        var stranger = Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        string? Rekey(string? key) => key is not null && pseudonyms.Contains(key) ? stranger : key;
        var scrubbed = retro with
        {
            Items = [.. retro.Items.Select(i => (person.Is(i.AuthorId) ? i with { AuthorId = FormerMember.Id, AuthorName = FormerMember.Name } : i) with { MemberKey = Rekey(i.MemberKey) })],
            Votes = [.. retro.Votes.Select(v => v with { MemberKey = Rekey(v.MemberKey)! })],
            Outcome = retro.Outcome is { } outcome ? outcome with { Actions = [.. outcome.Actions.Select(a => ActionWithout(person, a))] } : null,
        };
        if (person.Is(retro.FacilitatorId)) scrubbed = scrubbed with { FacilitatorId = FormerMember.Id, FacilitatorName = FormerMember.Name };
        if (person.IsNamed(retro.ClosedByName)) scrubbed = scrubbed with { ClosedByName = FormerMember.Name };
        if (retro.Ownership.Kind == ProjectOwnerKind.Person && person.Is(retro.Ownership.OwnerId))
            scrubbed = scrubbed with { Ownership = FormerMember.Ownership(retro.Ownership, retro.ProjectId) };
        return scrubbed;
    }

    private enum Outcome { Unchanged, Changed, Deleted }

    /// <summary>Applies <paramref name="change"/> (null: delete) from a fresh read, again if another writer came first.</summary>
    private Task<Outcome> ChangeAsync<T>(string key, JsonTypeInfo<T> type, Func<T, T?> change, CancellationToken cancellationToken) where T : class =>
        store.UpdateAsync(key, type, current =>
        {
            if (current is null) return Change<T, Outcome>.Keep(Outcome.Unchanged);
            var next = change(current);
            if (next is null) return Change<T, Outcome>.Delete(Outcome.Deleted);
            return JsonSerializer.Serialize(next, type) == JsonSerializer.Serialize(current, type)
                ? Change<T, Outcome>.Keep(Outcome.Unchanged)
                : Change<T, Outcome>.Save(next, Outcome.Changed);
        }, cancellationToken);

    private async Task<List<string>> KeysAsync(string prefix, CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        await foreach (var document in store.ListAsync(prefix, cancellationToken)) keys.Add(document.Key);
        return keys;
    }
}
