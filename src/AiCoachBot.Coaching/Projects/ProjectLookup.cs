namespace AiCoachBot.Coaching.Projects;

public enum LookupStatus { Found, NotFound, NotYours }

/// <summary>The result of asking for a project: found, unknown, or existing but owned elsewhere (refused).</summary>
public sealed record ProjectLookup(LookupStatus Status, Project? Project = null)
{
    public static ProjectLookup NotFound { get; } = new(LookupStatus.NotFound);
    public static ProjectLookup NotYours { get; } = new(LookupStatus.NotYours);
}
