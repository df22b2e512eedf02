using System.Text.Json.Nodes;
using AiCoachBot.Coaching.Coach;
using AiCoachBot.Coaching.Commands;
using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Conversation;
using AiCoachBot.Coaching.Localization;
using static AiCoachBot.Coaching.Content.CardElements;

namespace AiCoachBot.Coaching.Knowledge;

/// <summary>Knowledge-base articles as cards: one article whole, the sources of an answer, and a citation as Teams shows it.</summary>
public sealed class ArticleCards(KnowledgeBase knowledge, StringCatalog strings)
{
    public const string ArticleField = "article";
    private const int MaxCitationName = 80;
    private const int MaxCitationAbstract = 160;
    private const int MaxKeywordLength = 28;

    public JsonObject Article(Article article, Language language)
    {
        var body = new JsonArray
        {
            Text(article.Title[language], size: "Medium", weight: "Bolder"),
            Text(article.Summary[language], subtle: true),
        };
        foreach (var section in article.Sections)
        {
            body.Add(Text(section.Heading[language], weight: "Bolder", separator: true));
            body.Add(Text(section.Text[language]));
        }
        body.Add(Text(strings.Format(language, TextKeys.ArticleReviewed, ("date", language.Date(article.Reviewed))), subtle: true, size: "Small", separator: true));
        var related = article.Related.Select(knowledge.Find).OfType<Article>().Take(3).ToList();
        if (related.Count > 0) body.Add(Text(strings.Get(language, TextKeys.ArticleRelated), size: "Small", weight: "Bolder"));
        return Card(body, new JsonArray(related.Select(r => (JsonNode)OpenButton(r.Title[language], r.Id)).ToArray()), $"{article.Title[language]}: {article.Summary[language]}");
    }

    public JsonObject Sources(IReadOnlyList<Passage> passages, Language language)
    {
        var body = new JsonArray { Text(strings.Get(language, TextKeys.CoachSourcesTitle), size: "Medium", weight: "Bolder") };
        var articles = passages.Select(p => p.Article).DistinctBy(a => a.Id).ToList();
        foreach (var (article, i) in articles.Select((a, i) => (a, i)))
        {
            body.Add(Text($"{i + 1}. **{MarkdownText.Literal(article.Title[language])}**", separator: i > 0));
            body.Add(Text(article.Summary[language], subtle: true));
            body.Add(new JsonObject { ["type"] = "ActionSet", ["actions"] = new JsonArray(OpenButton(strings.Get(language, TextKeys.CoachOpenArticle), article.Id)) });
        }
        return Card(body, [], string.Join("; ", articles.Select(a => a.Title[language])));
    }

    public CitationView Citation(Citation citation)
    {
        var passage = citation.Passage;
        return new CitationView(
            citation.Position,
            Clip($"{passage.Title}: {passage.Heading}", MaxCitationName),
            Clip(passage.Text, MaxCitationAbstract),
            passage.Article.Tags.Where(t => t.Length <= MaxKeywordLength).Take(3).ToList(),
            Excerpt(passage));
    }

    /// <summary>The cited section with a button to the whole article: small, since a Teams message holds about 28 KB.</summary>
    public JsonObject Excerpt(Passage passage)
    {
        var language = passage.Language;
        var body = new JsonArray
        {
            Text(passage.Title, weight: "Bolder"),
            Text(passage.Heading, subtle: true),
            Text(passage.Text),
        };
        return Card(body, new JsonArray(OpenButton(strings.Get(language, TextKeys.CoachOpenArticle), passage.Article.Id)), $"{passage.Title}: {passage.Heading}");
    }

    private static JsonObject OpenButton(string title, string articleId) => new()
    {
        ["type"] = "Action.Submit",
        ["title"] = title,
        ["data"] = new JsonObject { ["command"] = CommandIds.Article, [ArticleField] = articleId },
    };

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)].TrimEnd() + "…";
}
