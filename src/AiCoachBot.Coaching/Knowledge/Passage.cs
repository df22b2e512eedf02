using AiCoachBot.Coaching.Localization;

namespace AiCoachBot.Coaching.Knowledge;

/// <summary>A section of an article in one language: what retrieval returns and an answer cites as <c>article#n</c>.</summary>
public sealed record Passage(Article Article, int Index, Language Language)
{
    public string Id => $"{Article.Id}#{Index + 1}";

    public string Heading => Article.Sections[Index].Heading[Language];

    public string Text => Article.Sections[Index].Text[Language];

    public string Title => Article.Title[Language];
}
