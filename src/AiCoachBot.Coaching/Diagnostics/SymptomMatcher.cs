using AiCoachBot.Coaching.Commands;

namespace AiCoachBot.Coaching.Diagnostics;

/// <summary>A pitfall the user's description sounds like, with the words that matched.</summary>
public sealed record SymptomMatch(Pitfall Pitfall, double Score, IReadOnlyList<string> Terms);

/// <summary>
/// Matches what a user describes ("the business team does not trust the model") against each pitfall's
/// name and symptoms, in both languages, with BM25 ranking over a light stemmer. It only chooses which
/// questions come first: a description never scores a pitfall.
/// </summary>
public sealed class SymptomMatcher
{
    private const double K1 = 1.2;
    private const double B = 0.75;
    /// <summary>Below this, a text does not sound like any pitfall.</summary>
    public const double MinimumScore = 2.0;
    /// <summary>Pitfalls scoring less than this share of the best one are noise.</summary>
    private const double RelativeCutOff = 0.5;

    private readonly IReadOnlyList<(Pitfall Pitfall, Dictionary<string, int> Terms, int Length)> _documents;
    private readonly Dictionary<string, double> _idf;
    private readonly double _averageLength;

    public SymptomMatcher(IReadOnlyList<Pitfall> pitfalls)
    {
        _documents = pitfalls.Select(p =>
        {
            var tokens = p.Symptoms.All.Concat([p.Name.En, p.Name.Fr]).SelectMany(Terms).ToList();
            return (p, tokens.GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count()), tokens.Count);
        }).ToList();
        _averageLength = _documents.Count == 0 ? 1 : Math.Max(1, _documents.Average(d => d.Length));
        var n = _documents.Count;
        _idf = _documents.SelectMany(d => d.Terms.Keys).GroupBy(t => t)
            .ToDictionary(g => g.Key, g => Math.Log(1 + (n - g.Count() + 0.5) / (g.Count() + 0.5)));
    }

    /// <summary>The pitfalls the text sounds like, best first; empty when it sounds like none.</summary>
    public IReadOnlyList<SymptomMatch> Match(string? text, int max = 3)
    {
        var query = Terms(text ?? "").Distinct().ToList();
        if (query.Count == 0) return [];
        // One shared word ("time", "temps") is chance; two are a description. A one-word query needs its word.
        var needed = Math.Min(2, query.Count);
        var scored = _documents.Select(d =>
        {
            var matched = query.Where(d.Terms.ContainsKey).ToList();
            if (matched.Count < needed) return new SymptomMatch(d.Pitfall, 0, []);
            var score = matched.Sum(t =>
            {
                var tf = d.Terms[t];
                return _idf[t] * tf * (K1 + 1) / (tf + K1 * (1 - B + B * d.Length / _averageLength));
            });
            return new SymptomMatch(d.Pitfall, score, matched);
        }).Where(m => m.Score > 0).OrderByDescending(m => m.Score).ToList();
        if (scored.Count == 0 || scored[0].Score < MinimumScore) return [];
        var best = scored[0].Score;
        return scored.Where(m => m.Score >= Math.Max(MinimumScore, best * RelativeCutOff)).Take(max).ToList();
    }

    /// <summary>Lower case, accents folded, stop words dropped, words cut to a stem so "users", "used" and "utilisateurs" meet their kin.</summary>
    public static IEnumerable<string> Terms(string text)
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
                if (word.Length < 2 || StopWords.Contains(word)) continue;
                yield return Stem(word);
            }
        }
    }

    private static string Stem(string word)
    {
        if (word.Length > 3 && word.EndsWith('s')) word = word[..^1];
        return word.Length > 5 ? word[..5] : word;
    }

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        // English
        "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "by", "from", "as", "is", "are", "was",
        "were", "be", "been", "being", "it", "its", "this", "that", "these", "those", "we", "our", "us", "you", "your", "they", "their",
        "them", "he", "she", "his", "her", "i", "me", "my", "do", "does", "did", "done", "have", "has", "had", "not", "no", "so", "too",
        "very", "can", "could", "would", "should", "will", "just", "there", "here", "what", "which", "who", "how", "why", "when", "all",
        "any", "some", "more", "most", "much", "many", "about", "into", "than", "then", "also", "still", "yet", "get", "got", "one",
        "anyone", "nobody", "everyone", "someone", "if", "up", "out", "over", "after", "before", "because", "don", "doesn", "isn", "aren", "won", "t", "s",
        // French
        "le", "la", "les", "un", "une", "des", "du", "de", "et", "ou", "mais", "en", "au", "aux", "par", "pour", "avec", "sans", "sur",
        "dans", "est", "sont", "etait", "ete", "etre", "il", "elle", "ils", "elles", "on", "nous", "vous", "notre", "nos", "votre", "vos",
        "leur", "leurs", "ce", "cet", "cette", "ces", "ca", "cela", "que", "qui", "quoi", "ne", "pas", "plus", "tres", "trop", "se", "sa",
        "son", "ses", "je", "me", "mon", "ma", "mes", "tout", "tous", "toute", "toutes", "fait", "faire", "avons", "avez", "ont", "a",
        "y", "personne", "quand", "quel", "quelle", "quels", "quelles", "comme", "si", "deja", "encore", "aussi", "alors", "donc", "car", "l", "d", "j", "n", "c", "qu", "s",
    };
}
