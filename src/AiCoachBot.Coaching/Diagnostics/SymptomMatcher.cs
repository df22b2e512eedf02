using AiCoachBot.Coaching.Search;

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
    /// <summary>Below this, a text does not sound like any pitfall.</summary>
    public const double MinimumScore = 2.0;
    /// <summary>Pitfalls scoring less than this share of the best one are noise.</summary>
    private const double RelativeCutOff = 0.5;

    private readonly Bm25Index<Pitfall> _index;

    public SymptomMatcher(IReadOnlyList<Pitfall> pitfalls) =>
        _index = new Bm25Index<Pitfall>(pitfalls.Select(p => (p, p.Symptoms.All.Concat([p.Name.En, p.Name.Fr]).SelectMany(SearchTerms.Of))));

    /// <summary>The pitfalls the text sounds like, best first; empty when it sounds like none.</summary>
    public IReadOnlyList<SymptomMatch> Match(string? text, int max = 3)
    {
        var query = SearchTerms.Of(text ?? "").Distinct().ToList();
        // One shared word ("time", "temps") is chance; two are a description. A one-word query needs its word.
        var scored = _index.Search(query, minimumMatched: Math.Min(2, query.Count));
        if (scored.Count == 0 || scored[0].Score < MinimumScore) return [];
        var best = scored[0].Score;
        return scored.Where(m => m.Score >= Math.Max(MinimumScore, best * RelativeCutOff)).Take(max)
            .Select(m => new SymptomMatch(m.Item, m.Score, m.Matched)).ToList();
    }
}
