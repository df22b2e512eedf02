using AiCoachBot.Coaching.Localization;

namespace AiCoachBot.Coaching.Knowledge;

/// <summary>One part of an article, short enough to be retrieved, shown and cited on its own.</summary>
public sealed record ArticleSection(LocalizedText Heading, LocalizedText Text);

/// <summary>A knowledge-base article, written in both languages (content/knowledge/articles/&lt;id&gt;.yaml).</summary>
public sealed record Article(
    string Id,
    LocalizedText Title,
    LocalizedText Summary,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> Phases,
    DateOnly Reviewed,
    IReadOnlyList<string> Related,
    IReadOnlyList<ArticleSection> Sections)
{
    public Passage Passage(int index, Language language) => new(this, index, language);
}
