using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Knowledge;
using AiCoachBot.Coaching.Localization;
using AiCoachBot.Coaching.Tests.Support;

namespace AiCoachBot.Coaching.Tests;

/// <summary>The shipped knowledge base: what it must cover, how it is checked at start-up, and how well retrieval finds it.</summary>
public sealed class KnowledgeBaseTests
{
    private static readonly CoachingContent Content = CoachingContent.Load(Paths.Content, []);
    private static readonly string QuestionsFile = Path.Combine(Paths.RepositoryRoot, "tests", "AiCoachBot.Coaching.Tests", "cases", "coach-questions.yaml");

    [Fact]
    public void KnowledgeBase_HasAtLeastFiftyArticles_EachWithTagsAReviewDateAndRelatedArticles()
    {
        Assert.True(Content.Knowledge.Articles.Count >= 50, $"{Content.Knowledge.Articles.Count} articles");
        Assert.All(Content.Knowledge.Articles, a =>
        {
            Assert.NotEmpty(a.Tags);
            Assert.NotEmpty(a.Related);
            Assert.True(a.Reviewed <= new DateOnly(2026, 12, 31), $"{a.Id} reviewed {a.Reviewed}");
            Assert.InRange(a.Sections.Count, 2, 6);
        });
    }

    [Theory]
    [InlineData("phase-framing")]
    [InlineData("phase-poc")]
    [InlineData("phase-deployment")]
    [InlineData("phase-measurement")]
    [InlineData("poc-success-criteria")]
    [InlineData("poc-decision")]
    [InlineData("data-audit")]
    [InlineData("data-quality")]
    [InlineData("data-labelling")]
    [InlineData("data-drift-and-concept-drift")]
    [InlineData("mlops-basics")]
    [InlineData("monitoring-and-drift")]
    [InlineData("roi-and-cost-per-transaction")]
    [InlineData("kpi-design")]
    [InlineData("ai-act-risk-tiers")]
    [InlineData("ai-act-obligations")]
    [InlineData("gdpr-dpia")]
    [InlineData("bias-and-fairness")]
    [InlineData("explainability")]
    [InlineData("dataset-security")]
    [InlineData("contracts-and-exit-clauses")]
    [InlineData("build-vs-buy")]
    [InlineData("change-management")]
    [InlineData("training-users")]
    [InlineData("phased-rollout")]
    [InlineData("steering-committee")]
    [InlineData("retrospectives")]
    [InlineData("ai-project-lead-skills")]
    public void KnowledgeBase_CoversEveryTopicTheCoachIsAskedAbout(string id) => Assert.NotNull(Content.Knowledge.Find(id));

    [Fact]
    public void EveryPitfallOfTheCatalogue_HasItsOwnArticle_AndNamesOnlyArticlesThatExist()
    {
        Assert.All(Content.Diagnostic.Pitfalls, p =>
        {
            Assert.NotNull(Content.Knowledge.Find("pitfall-" + p.Id.Replace('_', '-')));
            Assert.All(p.Articles, id => Assert.NotNull(Content.Knowledge.Find(id)));
        });
    }

    [Fact]
    public void Retrieval_PutsAnExpectedArticleInItsTopThree_ForAtLeastNinetyPercentOfTheQuestionSet()
    {
        var questions = RetrievalEvaluation.Load(QuestionsFile);
        Assert.True(questions.Count >= 80, $"{questions.Count} questions");
        Assert.True(questions.Count(q => q.Language == Language.Fr) * 2 >= questions.Count, "at least half in French");
        Assert.All(questions.SelectMany(q => q.Expected), id => Assert.NotNull(Content.Knowledge.Find(id)));

        var score = RetrievalEvaluation.Score(new KnowledgeRetriever(Content.Knowledge), questions);

        Assert.True(score.HitAt3Rate >= 0.9, $"hit@3 {score.HitAt3Rate:P1}; missed:\n{string.Join("\n", score.Misses.Select(m => $"{m.Question.Text} -> {string.Join(", ", m.Found)}"))}");
    }

    [Theory]
    [InlineData("what is the best recipe for a chocolate cake?", Language.En)]
    [InlineData("quelle est la capitale de l'Australie ?", Language.Fr)]
    [InlineData("what is the weather like", Language.En)]
    public void Retrieval_FindsNothing_ForQuestionsOutsideAiProjects(string question, Language language) =>
        Assert.Empty(new KnowledgeRetriever(Content.Knowledge).Search(question, language));

    [Fact]
    public void Retrieval_FoldsAccents_SoAQuestionWithoutThemFindsTheSameArticle()
    {
        var retriever = new KnowledgeRetriever(Content.Knowledge);

        Assert.Equal(
            retriever.Articles("qu'est-ce que la dérive des données ?", Language.Fr, 1).Single().Id,
            retriever.Articles("qu'est-ce que la derive des donnees", Language.Fr, 1).Single().Id);
    }

    [Fact]
    public void VersionOfTheKnowledgeBase_ChangesWhenAnArticleChanges()
    {
        using var copy = new ContentCopy();
        copy.Replace("knowledge/articles/data-audit.yaml", "reviewed: 2026-11-22", "reviewed: 2026-11-21");

        Assert.NotEqual(Content.Knowledge.Version, CoachingContent.Load(copy.Root, []).Knowledge.Version);
    }

    [Theory]
    [InlineData("id: data-audit", "id: data-audits", "knowledge/articles/data-audit.yaml:1: the id 'data-audits' must be the file name without '.yaml' ('data-audit')")]
    [InlineData("related: [", "related: [no-such-article, ", "'related' names 'no-such-article', which is not an article of knowledge/articles")]
    [InlineData("reviewed: 2026-11-22", "reviewed: 22/11/2026", "'reviewed' must be a date written YYYY-MM-DD")]
    [InlineData("phases: [", "phases: [launch, ", "phase 'launch' is not one of")]
    public void ABrokenArticle_StopsTheStart_NamingTheFileAndWhatToFix(string oldText, string newText, string expected)
    {
        using var copy = new ContentCopy();
        copy.Replace("knowledge/articles/data-audit.yaml", oldText, newText);

        var error = Assert.Throws<ContentValidationException>(() => CoachingContent.Load(copy.Root, []));

        Assert.Contains(error.Errors, e => e.Contains(expected, StringComparison.Ordinal) && e.StartsWith("knowledge/articles/data-audit.yaml:", StringComparison.Ordinal));
    }

    [Fact]
    public void ASectionTooLongToCite_IsRefused()
    {
        using var copy = new ContentCopy();
        copy.Write("knowledge/articles/too-long.yaml", $$"""
            id: too-long
            title: { en: "Long", fr: "Long" }
            summary: { en: "Long.", fr: "Long." }
            tags: [long]
            reviewed: 2026-11-22
            related: [data-audit]
            sections:
              - heading: { en: "All", fr: "Tout" }
                text: { en: "{{string.Join(' ', Enumerable.Repeat("word", 200))}}", fr: "mot" }
            """);

        var error = Assert.Throws<ContentValidationException>(() => CoachingContent.Load(copy.Root, []));

        Assert.Contains(error.Errors, e => e.StartsWith("knowledge/articles/too-long.yaml:8: a section has at most 150 words", StringComparison.Ordinal));
    }

    [Fact]
    public void APitfallNamingAMissingArticle_StopsTheStart()
    {
        using var copy = new ContentCopy();
        copy.Replace("diagnostic/pitfalls.yaml", "articles: [data-audit]", "articles: [data-audit, data-audti]");

        var error = Assert.Throws<ContentValidationException>(() => CoachingContent.Load(copy.Root, []));

        Assert.Contains(error.Errors, e => e.Contains("article 'data-audti' is not in knowledge/articles", StringComparison.Ordinal));
    }
}
