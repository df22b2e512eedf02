namespace AiCoachBot.Coaching.Projects;

/// <summary>Creating a project either works or finds that the owner already has one by that name.</summary>
public sealed record ProjectCreation(Project? Created, ProjectIndexEntry? NameTakenBy);
