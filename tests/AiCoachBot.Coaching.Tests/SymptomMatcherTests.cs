using AiCoachBot.Coaching.Search;
using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Diagnostics;
using AiCoachBot.Coaching.Tests.Support;

namespace AiCoachBot.Coaching.Tests;

/// <summary>What a user describes points the diagnostic at the right pitfalls first, in either language; small talk points nowhere.</summary>
public sealed class SymptomMatcherTests
{
    private static readonly SymptomMatcher Matcher = new(CoachingContent.Load(Paths.Content, []).Diagnostic.Pitfalls);

    [Theory]
    [InlineData("nobody uses the tool", "change_neglected")]
    [InlineData("the business team does not trust the model", "change_neglected")]
    [InlineData("personne n'utilise l'outil", "change_neglected")]
    [InlineData("the cloud bill exploded", "runaway_costs")]
    [InlineData("la facture cloud a explosé", "runaway_costs")]
    [InlineData("the model got worse since last month", "no_monitoring")]
    [InlineData("legal blocked us because of GDPR", "late_compliance")]
    [InlineData("everything is done by the consultant and nobody here understands it", "no_internal_relay")]
    [InlineData("we cannot say whether the project is a success", "no_kpis")]
    [InlineData("the data is incomplete and full of errors", "data_underestimated")]
    public void ADescribedProblem_PointsAtItsPitfall_AmongTheFirstThree(string text, string pitfall) =>
        Assert.Contains(pitfall, Matcher.Match(text).Select(m => m.Pitfall.Id));

    [Theory]
    [InlineData("our POC is stalling")]
    [InlineData("notre POC patine")]
    public void AStallingPoc_SoundsLikeAProblem(string text) => Assert.NotEmpty(Matcher.Match(text));

    [Theory]
    [InlineData("hello")]
    [InlineData("thanks a lot!")]
    [InlineData("bonjour, merci")]
    [InlineData("what time is it")]
    [InlineData("")]
    public void SmallTalk_PointsNowhere(string text) => Assert.Empty(Matcher.Match(text));

    [Fact]
    public void StemsMeetAcrossInflections() =>
        Assert.Equal(SearchTerms.Of("users adopted").ToList(), SearchTerms.Of("user adopts").ToList());
}
