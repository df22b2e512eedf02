using AiCoachBot.Coaching.Commands;
using AiCoachBot.Coaching.Localization;

namespace AiCoachBot.Coaching.Coach;

/// <summary>
/// The language a question is written in, from its function words; the user's Teams language when the
/// text does not say (too short, or as much of one as the other). A French question from an English
/// Teams gets a French answer.
/// </summary>
public static class QuestionLanguage
{
    public static Language Guess(string text, Language fallback)
    {
        var words = TextNormalizer.Fold(text).Split([' ', '\'', ',', '.', '?', '!', ';', ':', '-', '(', ')'], StringSplitOptions.RemoveEmptyEntries);
        var french = words.Count(French.Contains);
        var english = words.Count(English.Contains);
        if (french >= 2 && french > english * 2) return Language.Fr;
        if (english >= 2 && english > french * 2) return Language.En;
        return fallback;
    }

    private static readonly HashSet<string> French = new(StringComparer.Ordinal)
    {
        "le", "la", "les", "un", "une", "des", "du", "de", "et", "est", "sont", "pour", "avec", "dans", "sur", "que", "qui", "quoi",
        "comment", "pourquoi", "quel", "quelle", "quels", "quelles", "je", "nous", "vous", "notre", "nos", "votre", "mon", "ma", "mes",
        "ce", "cette", "ces", "il", "elle", "on", "ne", "pas", "au", "aux", "qu", "c", "l", "d", "j", "faut", "dois", "peut", "projet", "donnees",
    };

    private static readonly HashSet<string> English = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "and", "is", "are", "for", "with", "in", "on", "that", "what", "how", "why", "which", "who", "i", "we", "you",
        "our", "your", "my", "this", "these", "it", "do", "does", "should", "can", "to", "of", "project", "data", "when", "there",
    };
}
