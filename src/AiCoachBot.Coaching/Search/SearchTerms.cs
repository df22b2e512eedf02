using AiCoachBot.Coaching.Commands;

namespace AiCoachBot.Coaching.Search;

/// <summary>
/// How free text becomes search terms, the same for symptoms and the knowledge base: lower case, accents
/// folded, English and French stop words dropped, words cut to a short stem so "users", "used" and
/// "utilisateurs" meet their kin.
/// </summary>
public static class SearchTerms
{
    public static IEnumerable<string> Of(string text)
    {
        var folded = TextNormalizer.Fold(text);
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var inWord = i < folded.Length && char.IsLetterOrDigit(folded[i]);
            if (inWord && start < 0) start = i;
            else if (!inWord && start >= 0)
            {
                var word = folded[start..i];
                start = -1;
                // Bare numbers (phone numbers, amounts, years) say nothing of the subject.
                if (word.Length < 2 || StopWords.Contains(word) || word.All(char.IsAsciiDigit)) continue;
                yield return Stem(word);
            }
        }
    }

    private static string Stem(string word)
    {
        if (word.Length > 3 && word.EndsWith('s')) word = word[..^1];
        return word.Length > 5 ? word[..5] : word;
    }

    /// <summary>Words that carry no subject: English and French function words, written folded.</summary>
    public static bool IsStopWord(string foldedWord) => StopWords.Contains(foldedWord);

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        // English
        "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "by", "from", "as", "is", "are", "was",
        "were", "be", "been", "being", "it", "its", "this", "that", "these", "those", "we", "our", "us", "you", "your", "they", "their",
        "them", "he", "she", "his", "her", "i", "me", "my", "do", "does", "did", "done", "have", "has", "had", "not", "no", "so", "too",
        "very", "can", "could", "would", "should", "will", "just", "there", "here", "what", "which", "who", "how", "why", "when", "all",
        "any", "some", "more", "most", "much", "many", "about", "into", "than", "then", "also", "still", "yet", "get", "got", "one",
        "anyone", "nobody", "everyone", "someone", "if", "up", "out", "over", "after", "before", "because", "don", "doesn", "isn", "aren", "won", "t", "s",
        "am", "im", "ive", "whats", "hows", "where", "way", "ways", "need", "want", "please", "tell", "explain", "mean", "means", "thing", "things", "like", "know", "think", "really", "ok", "okay", "hi", "hello", "thanks", "yes", "yeah", "yep", "nope", "sure",
        // French
        "le", "la", "les", "un", "une", "des", "du", "de", "et", "ou", "mais", "en", "au", "aux", "par", "pour", "avec", "sans", "sur",
        "dans", "est", "sont", "etait", "ete", "etre", "il", "elle", "ils", "elles", "nous", "vous", "notre", "nos", "votre", "vos",
        "leur", "leurs", "ce", "cet", "cette", "ces", "ca", "cela", "que", "qui", "quoi", "ne", "pas", "plus", "tres", "trop", "se", "sa",
        "son", "ses", "je", "mon", "ma", "mes", "tout", "tous", "toute", "toutes", "fait", "faire", "avons", "avez", "ont",
        "y", "personne", "quand", "quel", "quelle", "quels", "quelles", "comme", "si", "deja", "encore", "aussi", "alors", "donc", "car", "l", "d", "j", "n", "c", "qu",
        "comment", "pourquoi", "est-ce", "faut", "dois", "doit", "peut", "peux", "veut", "veux", "suis", "sommes", "moi",
        "bien", "bon", "chose", "choses", "explique", "expliquer", "dire", "svp", "merci", "bonjour", "salut", "oui", "non", "ouais", "tu", "es", "te", "toi", "ton", "ta", "tes", "maintenant", "ici", "avoir",
    };
}
