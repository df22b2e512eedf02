using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Flows;

namespace AiCoachBot.Coaching.Commands;

/// <summary>What a typed message asks for: a command or a flow to start, in either language and any case.</summary>
public sealed record Recognized(string? CommandId, FlowDefinition? Flow);

public sealed class CommandRecognizer
{
    private readonly Dictionary<string, Recognized> _phrases = new(StringComparer.Ordinal);

    public CommandRecognizer(CoachingContent content)
    {
        foreach (var command in content.Commands.Commands)
            foreach (var phrase in command.Phrases.All) _phrases.TryAdd(TextNormalizer.Fold(phrase), new Recognized(command.Id, null));
        foreach (var flow in content.Flows)
            foreach (var phrase in flow.Triggers.All) _phrases.TryAdd(TextNormalizer.Fold(phrase), new Recognized(null, flow));
    }

    public Recognized? Recognize(string cleanedText) =>
        cleanedText.Length is > 0 and <= 100 && _phrases.TryGetValue(TextNormalizer.Fold(cleanedText), out var hit) ? hit : null;
}
