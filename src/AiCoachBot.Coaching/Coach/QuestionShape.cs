using AiCoachBot.Coaching.Commands;

namespace AiCoachBot.Coaching.Coach;

/// <summary>
/// Whether a message is asked as a question ("how do I…?", « comment… »). A question goes to the coach
/// even when it mentions a problem; a plain statement of a problem ("nobody uses the tool") starts a diagnostic.
/// </summary>
public static class QuestionShape
{
    public static bool IsQuestion(string text)
    {
        if (text.TrimEnd().EndsWith('?')) return true;
        var folded = TextNormalizer.Fold(text).Replace('\'', ' ').Replace('-', ' ');
        var first = folded.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
        return Openers.Contains(first) || folded.StartsWith("c est quoi", StringComparison.Ordinal) || folded.StartsWith("est ce", StringComparison.Ordinal);
    }

    /// <summary>Whether the text speaks of the asker's own team or project ("we", "our", « notre », « on »), not of practice in general.</summary>
    public static bool IsAboutOwnSituation(string text) =>
        TextNormalizer.Fold(text).Split([' ', '\'', ',', '.', '?', '!', ';', ':'], StringSplitOptions.RemoveEmptyEntries).Any(Own.Contains);

    private static readonly HashSet<string> Own = new(StringComparer.Ordinal)
    {
        "we", "our", "ours", "us", "my", "mine", "weve", "were", "notre", "nos", "nous", "on", "mon", "ma", "mes",
    };

    private static readonly HashSet<string> Openers = new(StringComparer.Ordinal)
    {
        "what", "whats", "how", "why", "when", "where", "which", "who", "should", "can", "could", "is", "are", "do", "does", "shall", "explain", "define",
        "comment", "pourquoi", "quel", "quelle", "quels", "quelles", "qu", "que", "quand", "ou", "combien", "dois", "faut", "peut", "puis", "explique", "expliquez", "definir",
    };
}
