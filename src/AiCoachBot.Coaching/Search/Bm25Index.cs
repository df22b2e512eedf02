namespace AiCoachBot.Coaching.Search;

/// <summary>A document of the index with its score for a query and the query terms it contains.</summary>
public sealed record Bm25Hit<T>(T Item, double Score, IReadOnlyList<string> Matched);

/// <summary>
/// Okapi BM25 over documents given as term lists. A field counts more by repeating its terms
/// (a title twice, say); the index itself knows nothing of fields or languages.
/// </summary>
public sealed class Bm25Index<T>
{
    private const double K1 = 1.2;
    private const double B = 0.75;

    private readonly List<(T Item, Dictionary<string, int> Terms, int Length)> _documents;
    private readonly Dictionary<string, double> _idf;
    private readonly double _averageLength;
    private readonly double _maxIdf;

    public Bm25Index(IEnumerable<(T Item, IEnumerable<string> Terms)> documents)
    {
        _documents = documents.Select(d =>
        {
            var terms = d.Terms.ToList();
            return (d.Item, terms.GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count()), terms.Count);
        }).ToList();
        _averageLength = _documents.Count == 0 ? 1 : Math.Max(1, _documents.Average(d => d.Length));
        var n = _documents.Count;
        _idf = _documents.SelectMany(d => d.Terms.Keys).GroupBy(t => t)
            .ToDictionary(g => g.Key, g => Math.Log(1 + (n - g.Count() + 0.5) / (g.Count() + 0.5)));
        _maxIdf = Math.Log(1 + (n + 0.5) / 0.5);
    }

    /// <summary>How telling a term is; a term no document holds is as telling as the rarest one.</summary>
    public double Idf(string term) => _idf.TryGetValue(term, out var idf) ? idf : _maxIdf;

    /// <summary>Documents containing at least <paramref name="minimumMatched"/> of the distinct query terms, best first.</summary>
    public IReadOnlyList<Bm25Hit<T>> Search(IEnumerable<string> query, int minimumMatched = 1)
    {
        var terms = query.Distinct().ToList();
        if (terms.Count == 0) return [];
        var hits = new List<Bm25Hit<T>>();
        foreach (var (item, documentTerms, length) in _documents)
        {
            var matched = terms.Where(documentTerms.ContainsKey).ToList();
            if (matched.Count == 0 || matched.Count < minimumMatched) continue;
            var score = matched.Sum(t =>
            {
                var tf = documentTerms[t];
                return _idf[t] * tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / _averageLength));
            });
            hits.Add(new Bm25Hit<T>(item, score, matched));
        }
        return hits.OrderByDescending(h => h.Score).ToList();
    }
}
