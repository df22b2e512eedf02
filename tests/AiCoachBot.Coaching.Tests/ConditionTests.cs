using System.Collections.Immutable;
using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Flows;
using AiCoachBot.Coaching.Rules;
using AiCoachBot.Coaching.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace AiCoachBot.Coaching.Tests;

/// <summary>Conditions are written in content; these specify what each test means and what is refused.</summary>
public sealed class ConditionTests
{
    private static readonly FlowDefinition Questions = CoachingContent.Load(Paths.Content, [Paths.TestFlows]).Flows.Single(f => f.Id == "all-kinds");

    private static (Condition? Condition, IReadOnlyList<string> Errors) Read(string yaml)
    {
        var errors = new ContentErrors();
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var condition = new ConditionReader(new YamlFile("rules/test.yaml", errors), id => Questions.Steps.FirstOrDefault(s => s.Id == id)).Read(stream.Documents[0].RootNode);
        try { errors.ThrowIfAny(); return (condition, []); }
        catch (ContentValidationException ex) { return (null, ex.Errors); }
    }

    private static Condition Valid(string yaml)
    {
        var (condition, errors) = Read(yaml);
        Assert.Empty(errors);
        return condition!;
    }

    private static readonly ImmutableDictionary<string, Answer> Project = new Dictionary<string, Answer>
    {
        ["sponsor"] = new() { Flag = true },
        ["phase"] = new() { Choice = "poc" },
        ["quality"] = new() { Number = 2 },
        ["budget"] = new() { Number = 120 },
        ["decision"] = new() { Date = new DateOnly(2027, 1, 15) },
        ["problem"] = new() { Text = "Predict churn" },
        ["risks"] = new() { Choices = ["gdpr", "bias"] },
    }.ToImmutableDictionary();

    [Theory]
    [InlineData("{ question: sponsor, equals: yes }", true)]
    [InlineData("{ question: sponsor, equals: no }", false)]
    [InlineData("{ question: phase, equals: poc }", true)]
    [InlineData("{ question: phase, in: [framing, deployment] }", false)]
    [InlineData("{ question: quality, less: 3 }", true)]
    [InlineData("{ question: quality, greater: 2 }", false)]
    [InlineData("{ question: budget, between: [100, 120] }", true)]
    [InlineData("{ question: decision, between: [2027-01-01, 2027-03-31] }", true)]
    [InlineData("{ question: decision, greater: 2027-01-15 }", false)]
    [InlineData("{ question: risks, includes: bias }", true)]
    [InlineData("{ question: risks, countAtLeast: 3 }", false)]
    [InlineData("{ question: risks, countAtMost: 2 }", true)]
    [InlineData("{ question: problem, answered: true }", true)]
    [InlineData("{ all: [ { question: sponsor, equals: yes }, { question: quality, greater: 3 } ] }", false)]
    [InlineData("{ any: [ { question: sponsor, equals: no }, { question: quality, less: 3 } ] }", true)]
    [InlineData("{ not: { question: phase, equals: poc } }", false)]
    public void EachTest_MeansWhatItSays(string yaml, bool expected) => Assert.Equal(expected, Valid(yaml).IsMetBy(Project));

    [Fact]
    public void UnansweredQuestion_MeetsOnlyAnsweredFalse()
    {
        var empty = ImmutableDictionary<string, Answer>.Empty;
        Assert.True(Valid("{ question: budget, answered: false }").IsMetBy(empty));
        Assert.False(Valid("{ question: budget, less: 5000 }").IsMetBy(empty));
        Assert.False(Valid("{ question: sponsor, equals: no }").IsMetBy(empty));
        Assert.True(Valid("{ not: { question: sponsor, equals: yes } }").IsMetBy(empty));
    }

    [Fact]
    public void Questions_ListsWhatTheConditionReads() =>
        Assert.Equal(["sponsor", "quality"], Valid("{ any: [ { question: sponsor, equals: no }, { not: { question: quality, less: 3 } } ] }").Questions);

    [Theory]
    [InlineData("{ question: budgett, less: 3 }", "rules/test.yaml:1: question 'budgett' is not known here")]
    [InlineData("{ question: sponsor, greater: 3 }", "'greater' does not apply to question 'sponsor', a yesno question")]
    [InlineData("{ question: sponsor, equals: maybe }", "expected yes or no")]
    [InlineData("{ question: phase, equals: pilot }", "'pilot' is not an option of question 'phase' (framing, poc, deployment)")]
    [InlineData("{ question: decision, less: 15/01/2027 }", "question 'decision' is a date: write it as YYYY-MM-DD")]
    [InlineData("{ question: budget, between: [500, 100] }", "'between' needs the lower value first")]
    [InlineData("{ question: budget, equals: lots }", "'lots' is not a number")]
    [InlineData("{ question: problem, equals: churn }", "question 'problem' is free text: only 'answered' applies to it")]
    [InlineData("{ question: risks, countAtLeast: two }", "expected a whole number")]
    [InlineData("{ question: quality, between: [4, 7] }", "7 is outside what question 'quality' accepts (1 to 5)")]
    [InlineData("{ question: budget, greater: 9000 }", "9000 is outside what question 'budget' accepts (0 to 5000)")]
    [InlineData("{ question: risks, countAtLeast: 9 }", "question 'risks' has only 4 options")]
    [InlineData("{ question: risks, equals: gdpr }", "question 'risks' takes several answers: use includes, countAtLeast or countAtMost")]
    [InlineData("{ question: risks, in: [gdpr, bias] }", "question 'risks' takes several answers")]
    [InlineData("{ question: budget, less: 3, greater: 1 }", "a condition is 'all', 'any', 'not', or 'question' with one test of")]
    [InlineData("{ all: { question: budget, less: 3 } }", "'all' takes a list of conditions")]
    public void MistakesInAConditionAreReported_WithTheirLine(string yaml, string expected) =>
        Assert.Contains(Read(yaml).Errors, e => e.Contains(expected, StringComparison.Ordinal));
}
