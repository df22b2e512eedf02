using System.Text;
using System.Text.RegularExpressions;
using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Knowledge;
using AiCoachBot.Coaching.Localization;
using AiCoachBot.Coaching.Search;

namespace AiCoachBot.Coaching.Coach;

/// <summary>
/// The answer built without a model, from the best passages: each article's title, its one-line summary
/// and the sentences of the passage that share most words with the question, each cited, then where to
/// read more. Deterministic, immediate, and useful on its own.
/// </summary>
public static partial class OfflineAnswer
{
    private const int MaxArticles = 2;
    private const int KeySentences = 2;
    /// <summary>A second article is shown only if it is nearly as relevant as the first.</summary>
    private const double SecondArticleShare = 0.6;

    public static (string Text, IReadOnlyList<Citation> Citations) Build(string question, IReadOnlyList<RetrievedPassage> found, KnowledgeBase knowledge, StringCatalog strings, Language language)
    {
        var best = found[0].Score;
        var picked = found.DistinctBy(p => p.Passage.Article.Id)
            .Where((p, i) => i == 0 || p.Score >= best * SecondArticleShare)
            .Take(MaxArticles).ToList();
        var query = SearchTerms.Of(question).ToHashSet();
        var text = new StringBuilder();
        text.Append('_').Append(strings.Get(language, TextKeys.CoachOfflineIntro)).Append("_\n\n");
        var citations = new List<Citation>();
        foreach (var (hit, i) in picked.Select((h, i) => (h, i)))
        {
            var passage = hit.Passage;
            var position = i + 1;
            citations.Add(new Citation(position, passage));
            text.Append("**").Append(MarkdownText.Literal(passage.Title)).Append("** [").Append(position).Append("]\n\n");
            text.Append(passage.Article.Summary[language]);
            var sentences = i == 0 ? KeyOf(passage.Text, query) : [];
            foreach (var sentence in sentences) text.Append(' ').Append(sentence);
            text.Append("\n\n");
        }
        var related = picked.SelectMany(p => p.Passage.Article.Related)
            .Where(id => picked.All(p => p.Passage.Article.Id != id))
            .Distinct().Select(knowledge.Find).OfType<Article>().Take(3).ToList();
        if (related.Count > 0)
            text.Append(strings.Get(language, TextKeys.CoachReadMore)).Append(' ')
                .Append(string.Join(", ", related.Select(a => $"*{MarkdownText.Literal(a.Title[language])}*"))).Append("\n\n");
        text.Append(strings.Get(language, TextKeys.CoachSourcesHint));
        return (text.ToString(), citations);
    }

    /// <summary>The passage's sentences that contain most of the question's terms, in their order; none when nothing matches.</summary>
    public static IReadOnlyList<string> KeyOf(string passage, IReadOnlySet<string> queryTerms)
    {
        var sentences = Sentence().Matches(passage).Select(m => m.Value.Trim()).Where(s => s.Length > 0).ToList();
        return sentences
            .Select((s, i) => (Sentence: s, Index: i, Score: SearchTerms.Of(s).Distinct().Count(queryTerms.Contains)))
            .Where(s => s.Score > 0)
            .OrderByDescending(s => s.Score).ThenBy(s => s.Index)
            .Take(KeySentences)
            .OrderBy(s => s.Index)
            .Select(s => s.Sentence)
            .ToList();
    }

    [GeneratedRegex(@"[^.!?]+(?:[.!?]+(?=\s|$)|$)")]
    private static partial Regex Sentence();
}
