using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Flows;

namespace AiCoachBot.Coaching.Commands;

/// <summary>What a typed message asks for: a command (with what follows it, for those that take one) or a flow to start.</summary>
public sealed record Recognized(string? CommandId, FlowDefinition? Flow, string? Argument = null);

public sealed class CommandRecognizer
{
    public const int MaxCommandLength = 100;
    public const int MaxArgumentLength = 200;

    private readonly Dictionary<string, Recognized> _phrases = new(StringComparer.Ordinal);
    private readonly List<(string Prefix, string CommandId)> _prefixes = [];

    public CommandRecognizer(CoachingContent content)
    {
        foreach (var command in content.Commands.Commands)
        {
            foreach (var phrase in command.Phrases.All)
            {
                _phrases.TryAdd(TextNormalizer.Fold(phrase), new Recognized(command.Id, null));
                if (command.TakesArgument) _prefixes.Add((TextNormalizer.Fold(phrase) + " ", command.Id));
            }
        }
        foreach (var flow in content.Flows)
            foreach (var phrase in flow.Triggers.All) _phrases.TryAdd(TextNormalizer.Fold(phrase), new Recognized(null, flow));
        // "project settings" must not be read as "project" + "settings" when it is a phrase of its own.
        _prefixes.Sort((a, b) => b.Prefix.Length.CompareTo(a.Prefix.Length));
    }

    public Recognized? Recognize(string cleanedText)
    {
        if (cleanedText.Length == 0 || cleanedText.Length > MaxCommandLength + MaxArgumentLength) return null;
        var folded = TextNormalizer.Fold(cleanedText);
        if (cleanedText.Length <= MaxCommandLength && _phrases.TryGetValue(folded, out var hit)) return hit;
        foreach (var (prefix, commandId) in _prefixes)
        {
            if (!folded.StartsWith(prefix, StringComparison.Ordinal)) continue;
            // The argument keeps the user's own spelling: count the prefix's words, not its characters.
            var argument = SkipWords(cleanedText, prefix.Count(c => c == ' ')).Trim();
            if (argument.Length is > 0 and <= MaxArgumentLength) return new Recognized(commandId, null, argument);
        }
        return null;
    }

    private static string SkipWords(string text, int words)
    {
        var index = 0;
        for (var w = 0; w < words && index < text.Length; w++)
        {
            var space = text.IndexOf(' ', index);
            index = space < 0 ? text.Length : space + 1;
        }
        return text[index..];
    }
}
