namespace AiCoachBot.Coaching.Projects;

/// <summary>Every project with a channel set-up, by id.</summary>
public sealed record NudgeIndex(IReadOnlyList<string> ProjectIds);

/// <summary>The team projects one person created or set up, by id.</summary>
public sealed record OwnedProjects(IReadOnlyList<string> ProjectIds);
