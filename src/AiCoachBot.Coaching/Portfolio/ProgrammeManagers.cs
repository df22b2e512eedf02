namespace AiCoachBot.Coaching.Portfolio;

/// <summary>Someone a team named to follow its projects in their portfolio, by Teams account id, with the name shown.</summary>
public sealed record ProgrammeManager(string Id, string Name);

/// <summary>The programme managers a team named (<c>portfolio managers @name</c>).</summary>
public sealed record TeamProgrammeManagers(IReadOnlyList<ProgrammeManager> Managers);

/// <summary>The teams that named one person programme manager: what their portfolio shows from a personal chat.</summary>
public sealed record ManagedTeams(IReadOnlyList<string> TeamIds);
