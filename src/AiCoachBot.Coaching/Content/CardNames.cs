namespace AiCoachBot.Coaching.Content;

public static class CardNames
{
    public const string Welcome = "welcome";
    public const string Help = "help";
    public const string Privacy = "privacy";

    public static IReadOnlyList<string> Required { get; } = [Welcome, Help, Privacy];
}
