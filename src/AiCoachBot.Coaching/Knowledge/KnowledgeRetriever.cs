using AiCoachBot.Coaching.Localization;
using AiCoachBot.Coaching.Search;

namespace AiCoachBot.Coaching.Knowledge;

/// <summary>A passage found for a question, with its BM25 score and the question's terms it contains.</summary>
public sealed record RetrievedPassage(Passage Passage, double Score, IReadOnlyList<string> Matched);

/// <summary>
/// BM25 over the sections of the articles, one index per language. A section is indexed with its
/// article's title, tags and summary, so a question naming the subject finds every part of it and the
/// section's own words pick the best part.
/// </summary>
public sealed partial class KnowledgeRetriever
{
    /// <summary>Below this, the knowledge base does not cover the question.</summary>
    public const double MinimumScore = 3.0;
    /// <summary>
    /// The best passage must hold at least this share of what the question says, terms weighted by how telling
    /// they are: "a recipe for a chocolate cake" shares a word or two with the articles, never its substance.
    /// </summary>
    public const double MinimumCoverage = 0.2;
    private const int PassagesPerArticle = 2;

    private readonly Dictionary<Language, Bm25Index<Passage>> _indexes;

    public KnowledgeRetriever(KnowledgeBase knowledge) =>
        _indexes = Enum.GetValues<Language>().ToDictionary(l => l, l => new Bm25Index<Passage>(
            knowledge.Articles.SelectMany(a => a.Sections.Select((_, i) => a.Passage(i, l))).Select(p => (p, Terms(p)))));

    /// <summary>The best passages for the question, at most two per article, best first; empty when nothing relevant is held.</summary>
    public IReadOnlyList<RetrievedPassage> Search(string question, Language language, int max = 5)
    {
        var index = _indexes[language];
        var terms = SearchTerms.Of(Placeholder().Replace(question, " ")).Distinct().ToList();
        var hits = index.Search(terms);
        if (hits.Count == 0 || hits[0].Score < MinimumScore) return [];
        var said = terms.Sum(index.Idf);
        if (hits.Max(h => h.Matched.Sum(index.Idf)) < said * MinimumCoverage) return [];
        return hits.Where(h => h.Score >= MinimumScore)
            .GroupBy(h => h.Item.Article.Id)
            .SelectMany(g => g.Take(PassagesPerArticle))
            .OrderByDescending(h => h.Score)
            .Take(max)
            .Select(h => new RetrievedPassage(h.Item, h.Score, h.Matched))
            .ToList();
    }

    /// <summary>The articles that answer the question, best first (by their best passage).</summary>
    public IReadOnlyList<Article> Articles(string question, Language language, int max = 3) =>
        Search(question, language, max * PassagesPerArticle * 2).Select(p => p.Passage.Article).DistinctBy(a => a.Id).Take(max).ToList();

    private static IEnumerable<string> Terms(Passage passage)
    {
        var article = passage.Article;
        var language = passage.Language;
        var title = SearchTerms.Of(article.Title[language]).ToList();
        var tags = article.Tags.SelectMany(SearchTerms.Of).ToList();
        var heading = SearchTerms.Of(passage.Heading).ToList();
        var summary = SearchTerms.Of(article.Summary[language]).ToList();
        // Title, tags, heading and summary say what a section is about, so they count twice; measured on the question set.
        return title.Concat(title).Concat(tags).Concat(tags).Concat(heading).Concat(heading).Concat(summary).Concat(summary)
            .Concat(SearchTerms.Of(passage.Text));
    }

    /// <summary>The masks of personal data ("[person]", "[phone]") are not what a question is about.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"\[(person|email|phone|iban|card number)\]")]
    private static partial System.Text.RegularExpressions.Regex Placeholder();
}
