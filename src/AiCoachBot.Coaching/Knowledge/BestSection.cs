using AiCoachBot.Coaching.Localization;
using AiCoachBot.Coaching.Search;

namespace AiCoachBot.Coaching.Knowledge;

/// <summary>The section of a known article that shares most words with a text (the first one when none does).</summary>
public static class BestSection
{
    public static Passage Of(Article article, string text, Language language)
    {
        var terms = SearchTerms.Of(text).ToHashSet();
        var best = article.Sections
            .Select((s, i) => (Index: i, Shared: SearchTerms.Of($"{s.Heading[language]} {s.Text[language]}").Distinct().Count(terms.Contains)))
            .OrderByDescending(s => s.Shared).ThenBy(s => s.Index)
            .First();
        return article.Passage(best.Index, language);
    }
}
