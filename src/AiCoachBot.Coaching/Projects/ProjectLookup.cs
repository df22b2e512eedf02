namespace AiCoachBot.Coaching.Projects;

public enum LookupStatus { Found, NotFound, NotYours, Ambiguous }

/// <summary>
/// The result of asking for a project: found, unknown, existing but owned elsewhere (refused), or a name
/// that matches several of the asker's projects (<see cref="Matches"/> lists their names).
/// </summary>
public sealed record ProjectLookup(LookupStatus Status, Project? Project = null, IReadOnlyList<string>? Matches = null)
{
    public static ProjectLookup NotFound { get; } = new(LookupStatus.NotFound);
    public static ProjectLookup NotYours { get; } = new(LookupStatus.NotYours);
}
