namespace AiCoachBot.Coaching.Commands;

public static class CommandIds
{
    public const string Help = "help";
    public const string Privacy = "privacy";
    public const string Cancel = "cancel";
    public const string Back = "back";
    public const string Restart = "restart";

    public static IReadOnlyList<string> Required { get; } = [Help, Privacy, Cancel, Back, Restart];
}
