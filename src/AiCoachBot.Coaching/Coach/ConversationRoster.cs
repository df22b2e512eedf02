namespace AiCoachBot.Coaching.Coach;

/// <summary>The display names the bot has seen in a conversation: masked in anything sent to a model.</summary>
public sealed record ConversationRoster(IReadOnlyList<string> Names)
{
    public const int MaxNames = 500;

    public ConversationRoster With(string name) =>
        Names.Contains(name, StringComparer.OrdinalIgnoreCase) ? this : new ConversationRoster([.. Names.TakeLast(MaxNames - 1), name]);
}
