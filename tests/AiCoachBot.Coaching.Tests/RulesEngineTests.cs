using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Flows;
using AiCoachBot.Coaching.Framing;
using AiCoachBot.Coaching.Tests.Support;

namespace AiCoachBot.Coaching.Tests;

/// <summary>The rules engine on a small rule set (tests/…/framing): scores, caps, tiers, explanations.</summary>
public sealed class RulesEngineTests
{
    private static readonly FramingContent Framing = LoadTestFraming();

    internal static FramingContent LoadTestFraming()
    {
        var errors = new ContentErrors();
        var framing = FramingContent.Load(AppContext.BaseDirectory, errors);
        errors.ThrowIfAny();
        return framing!;
    }

    private static Assessment Assess(params (string Question, Answer Answer)[] answers) =>
        RulesEngine.Evaluate(Framing.Rules, answers.ToDictionary(a => a.Question, a => a.Answer));

    private static (string, Answer) Owner(bool yes) => ("owner", new Answer { Flag = yes });
    private static (string, Answer) Quality(int value) => ("quality", new Answer { Number = value });
    private static (string, Answer) Access(string id) => ("access", new Answer { Choice = id });
    private static (string, Answer) Uses(params string[] ids) => ("uses", new Answer { Choices = ids });

    private static int ScoreOf(Assessment assessment, string dimension) => assessment.Dimensions.Single(d => d.Dimension.Id == dimension).Score;

    [Fact]
    public void StrongAnswers_AreReadyForAPoc()
    {
        var result = Assess(Owner(true), Quality(5), Access("granted"), Uses("none"));
        Assert.Equal(100, result.Overall);
        Assert.Equal(Verdict.Ready, result.Verdict);
        Assert.Empty(result.Gaps);
        Assert.Empty(result.Limits);
    }

    [Fact]
    public void CriticalGap_CapsTheVerdict_WhateverTheTotal()
    {
        var result = Assess(Owner(false), Quality(5), Access("granted"), Uses("none"));
        Assert.Equal(Verdict.Rethink, result.Verdict);
        Assert.Contains("dimension:business", result.Limits);
        var gap = Assert.Single(result.Gaps);
        Assert.Equal("business.owner", gap.Remedy);
        Assert.Equal(GapSeverity.Critical, gap.Severity);
    }

    [Fact]
    public void WeakestCriticalDimension_HoldsTheVerdictDown_InsteadOfBeingAveragedAway()
    {
        var result = Assess(Owner(true), Quality(3), Access("requested"), Uses("none"));
        Assert.Equal(30, ScoreOf(result, "data"));
        Assert.Equal(Verdict.Rethink, result.Verdict);
        Assert.Equal(["dimension:data"], result.Limits);
        Assert.True(result.Overall >= 45, "the average alone would have said 'fix the gaps'");
    }

    [Fact]
    public void ProhibitedPractice_MeansRethink_AndTheProhibitedTier()
    {
        var result = Assess(Owner(true), Quality(5), Access("granted"), Uses("social_scoring", "chatbot"));
        Assert.Equal(Verdict.Rethink, result.Verdict);
        Assert.Contains("rule:RSK-01", result.Limits);
        Assert.Equal("prohibited", result.Tier!.Id);
    }

    [Theory]
    [InlineData(new[] { "recruitment", "chatbot" }, "high")]
    [InlineData(new[] { "chatbot" }, "limited")]
    [InlineData(new[] { "none" }, "minimal")]
    public void Tier_IsTheHighestThatAnyFiredRuleEstablishes(string[] uses, string tier) =>
        Assert.Equal(tier, Assess(Uses(uses)).Tier!.Id);

    [Fact]
    public void EveryFiredRule_NamesItsSource_AndTheAnswersThatMadeItFire()
    {
        var result = Assess(Owner(true), Quality(2), Access("unknown"));
        var poorData = result.Fired.Single(f => f.Rule.Id == "DAT-03");
        Assert.Equal("METHODOLOGY: pitfall 2", poorData.Rule.Source);
        var because = Assert.Single(poorData.Because);
        Assert.Equal("quality", because.Key);
        Assert.Equal(2, because.Value.Number);
        Assert.Equal(["BUS-01", "DAT-03", "DAT-05"], result.Fired.Select(f => f.Rule.Id));
    }

    [Fact]
    public void Gaps_ComeMostSevereFirst()
    {
        var result = Assess(Owner(false), Quality(1), Access("unknown"));
        Assert.Equal([GapSeverity.Critical, GapSeverity.Major, GapSeverity.Minor], result.Gaps.Select(g => g.Severity));
        Assert.Equal(3, result.NextActions().Count());
    }

    [Fact]
    public void SameAnswers_AlwaysTheSameAssessment()
    {
        var first = Assess(Owner(true), Quality(4), Access("requested"), Uses("chatbot"));
        var second = Assess(Owner(true), Quality(4), Access("requested"), Uses("chatbot"));
        Assert.Equal(first.Overall, second.Overall);
        Assert.Equal(first.Fired.Select(f => f.Rule.Id), second.Fired.Select(f => f.Rule.Id));
    }

    [Fact]
    public void ImprovingAnAnswer_NeverLowersItsDimension()
    {
        var scores = Enumerable.Range(1, 5).Select(q => ScoreOf(Assess(Quality(q), Access("granted")), "data")).ToList();
        Assert.Equal(scores.Order(), scores);
    }

    [Fact]
    public void AnsweringUnknown_NeverScoresBetterThanARealAnswer()
    {
        var unknown = ScoreOf(Assess(Access("unknown")), "data");
        Assert.All(new[] { "granted", "requested" }, real => Assert.True(ScoreOf(Assess(Access(real)), "data") >= unknown));
    }

    [Fact]
    public void NoAnswers_ScoreNothing_AndAreNotReady_AndNoTierIsClaimed()
    {
        var result = Assess();
        Assert.Equal(0, result.Overall);
        Assert.Equal(Verdict.Rethink, result.Verdict);
        Assert.Null(result.Tier);
    }
}
