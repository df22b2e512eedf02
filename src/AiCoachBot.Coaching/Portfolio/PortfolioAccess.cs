using AiCoachBot.Coaching.Conversation;
using AiCoachBot.Coaching.Projects;
using AiCoachBot.Coaching.State;

namespace AiCoachBot.Coaching.Portfolio;

/// <summary>Which projects a portfolio shows, by where and by whom it is asked; none in a group chat, where others would see it.</summary>
public enum PortfolioScope { Team, Organisation, ManagedTeams, Own, NotHere }

/// <summary>
/// Who sees which projects: in a team's channel, that team's; in a personal chat, every team project of the organisation
/// for a programme manager named in configuration, the projects of the teams that named the person, else the person's
/// own. A team's projects never reach another team's members; person-owned projects stay their owner's.
/// </summary>
public sealed class PortfolioAccess(IDocumentStore store, ProjectStore projects, PortfolioOptions options)
{
    public static string ManagersKey(string tenantId, string teamId) => $"portfolio-managers/{tenantId}/{teamId}";

    public static string ManagedKey(string tenantId, string managerId) => $"programme-teams/{tenantId}/{managerId}";

    public async Task<(PortfolioScope Scope, IReadOnlyList<Project> Projects)> VisibleAsync(UserTurn turn, CancellationToken cancellationToken)
    {
        var tenant = turn.Scope.TenantId;
        if (turn.Scope.Kind == ConversationKind.Channel && turn.Scope.TeamId is { Length: > 0 } ownTeam)
            return (PortfolioScope.Team, await projects.ListAsync(new ProjectOwnership(tenant, ProjectOwnerKind.Team, ownTeam), cancellationToken));
        if (turn.Scope.Kind != ConversationKind.Personal) return (PortfolioScope.NotHere, []);
        if (turn.Ids.Any(id => id is not null && options.ProgrammeManagers.Contains(id, StringComparer.OrdinalIgnoreCase)))
            return (PortfolioScope.Organisation, [.. (await projects.InTenantAsync(tenant, cancellationToken)).Where(p => p.Ownership.Kind == ProjectOwnerKind.Team)]);
        var teams = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in turn.Ids.OfType<string>())
            if (await store.ReadAsync(ManagedKey(tenant, id), CoachingJsonContext.Default.ManagedTeams, cancellationToken) is { } managed) teams.UnionWith(managed.Value.TeamIds);
        // The team's own list decides: the person's index is written after it and may lag behind a removal.
        foreach (var followedTeam in teams.ToList())
        {
            var named = await store.ReadAsync(ManagersKey(tenant, followedTeam), CoachingJsonContext.Default.TeamProgrammeManagers, cancellationToken);
            if (named?.Value.Managers.Any(m => turn.Ids.Contains(m.Id)) != true) teams.Remove(followedTeam);
        }
        if (teams.Count > 0)
        {
            var followed = new List<Project>();
            foreach (var followedTeam in teams.Order(StringComparer.Ordinal))
                followed.AddRange(await projects.ListAsync(new ProjectOwnership(tenant, ProjectOwnerKind.Team, followedTeam), cancellationToken));
            return (PortfolioScope.ManagedTeams, followed);
        }
        var own = await projects.ListAsync(ProjectOwnership.For(turn.Scope, turn.UserId), cancellationToken);
        var managedByThem = await projects.ManagedTeamProjectsAsync(tenant, turn.Ids, cancellationToken);
        return (PortfolioScope.Own, [.. own, .. managedByThem.Where(m => own.All(o => o.Id != m.Id))]);
    }

    /// <summary>
    /// <c>portfolio managers @name …</c> in a team's channel, by an owner of one of the team's projects: who follows the
    /// team's projects from a personal chat. Nobody mentioned clears the list.
    /// </summary>
    public async Task<IReadOnlyList<ProgrammeManager>?> NameManagersAsync(UserTurn turn, CancellationToken cancellationToken)
    {
        if (turn.Scope.TeamId is not { Length: > 0 } team) return null;
        var tenant = turn.Scope.TenantId;
        var teamProjects = await projects.ListAsync(new ProjectOwnership(tenant, ProjectOwnerKind.Team, team), cancellationToken);
        if (!teamProjects.Any(p => p.IsOwner(turn.Ids))) return null;
        var named = (turn.Mentions ?? []).Where(m => !turn.Ids.Contains(m.Id)).Select(m => new ProgrammeManager(m.Id, DisplayName.Of(m.Name)))
            .DistinctBy(m => m.Id).Take(20).ToList();
        var before = await store.UpdateAsync(ManagersKey(tenant, team), CoachingJsonContext.Default.TeamProgrammeManagers, current =>
            Change<TeamProgrammeManagers, IReadOnlyList<ProgrammeManager>>.Save(new TeamProgrammeManagers(named), current?.Managers ?? []), cancellationToken);
        foreach (var gone in before.Where(b => named.All(n => n.Id != b.Id)))
            await store.UpdateAsync(ManagedKey(tenant, gone.Id), CoachingJsonContext.Default.ManagedTeams, current =>
                current is null ? Change<ManagedTeams, bool>.Keep(false)
                : current.TeamIds.Count == 1 && current.TeamIds[0] == team ? Change<ManagedTeams, bool>.Delete(true)
                : Change<ManagedTeams, bool>.Save(new ManagedTeams([.. current.TeamIds.Where(t => t != team)]), true), cancellationToken);
        foreach (var manager in named)
            await store.UpdateAsync(ManagedKey(tenant, manager.Id), CoachingJsonContext.Default.ManagedTeams, current =>
                current?.TeamIds.Contains(team) == true ? Change<ManagedTeams, bool>.Keep(false)
                : Change<ManagedTeams, bool>.Save(new ManagedTeams([.. current?.TeamIds ?? [], team]), true), cancellationToken);
        return named;
    }
}
