using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Flows;
using AiCoachBot.Coaching.Framing;
using AiCoachBot.Coaching.Tests.Support;

namespace AiCoachBot.Coaching.Tests;

/// <summary>The shipped framing checklist and rules: coverage, and properties every rule set must keep.</summary>
public sealed class FramingContentTests
{
    private static readonly string[] MethodologyDimensions = ["business", "value", "data", "kpis", "risks", "people", "team", "poc", "production"];
    private static readonly FramingContent Framing = CoachingContent.Load(Paths.Content, []).Framing
        ?? throw new InvalidOperationException("src/content/framing is missing.");

    private static FlowDefinition Checklist => Framing.Checklist;

    /// <summary>An answer to every question, middle of the road, to vary one question against.</summary>
    private static Dictionary<string, Answer> Typical() => Checklist.Steps.ToDictionary(s => s.Id, s => s.Kind switch
    {
        StepKind.YesNo => new Answer { Flag = true },
        StepKind.Choice => new Answer { Choice = s.Options[0].Id },
        StepKind.MultiSelect => new Answer { Choices = [s.Options[0].Id] },
        StepKind.Scale => new Answer { Number = 3 },
        StepKind.Number => new Answer { Number = s.Min ?? 0 },
        StepKind.Date => new Answer { Date = new DateOnly(2027, 3, 31) },
        _ => new Answer { Text = "A typical answer." },
    });

    private static int ScoreWith(string question, Answer answer, string dimension)
    {
        var answers = Typical();
        answers[question] = answer;
        return RulesEngine.Evaluate(Framing.Rules, answers).Dimensions.Single(d => d.Dimension.Id == dimension).Score;
    }

    [Fact]
    public void Checklist_CoversEveryDimensionOfTheMethodology_WithAtLeastThirtyQuestions()
    {
        Assert.True(Checklist.Steps.Count >= 30, $"{Checklist.Steps.Count} questions");
        Assert.Equal(MethodologyDimensions.Order(), Framing.Rules.Dimensions.Select(d => d.Id).Order());
        Assert.All(MethodologyDimensions, d => Assert.True(Checklist.Steps.Count(s => s.Dimension == d) >= 3, $"dimension {d} has fewer than 3 questions"));
    }

    [Fact]
    public void Content_CarriesALastReviewedDate()
    {
        Assert.NotNull(Checklist.LastReviewed);
        Assert.NotNull(Framing.Rules.LastReviewed);
    }

    [Fact]
    public void IrrelevantQuestions_AreSkipped_InSeveralPlaces() => Assert.True(Checklist.Steps.Count(s => s.When is not null) >= 5);

    [Fact]
    public void EveryDimension_CanShowAGap_AndEveryRuleNamesItsSource()
    {
        Assert.All(MethodologyDimensions, d => Assert.Contains(Framing.Rules.Rules, r => r.Gap?.Dimension == d));
        Assert.All(Framing.Rules.Rules, r => Assert.False(string.IsNullOrWhiteSpace(r.Source)));
    }

    [Fact]
    public void AiActTriage_YieldsTheFourTiers_FromTheHighest() =>
        Assert.Equal(["prohibited", "high", "limited", "minimal"], Framing.Rules.Tiers.Select(t => t.Id));

    [Fact]
    public void CriticalDimensions_AreThoseOfTheMethodology() =>
        Assert.Equal(["business", "data", "kpis", "risks"], Framing.Rules.Dimensions.Where(d => d.Critical).Select(d => d.Id).Order());

    public static TheoryData<string> ScaleQuestions() => [.. Checklist.Steps.Where(s => s.Kind == StepKind.Scale).Select(s => s.Id)];

    [Theory]
    [MemberData(nameof(ScaleQuestions))]
    public void HigherOnAScale_NeverLowersItsDimension(string question)
    {
        var dimension = Checklist.Steps.Single(s => s.Id == question).Dimension!;
        var scores = Enumerable.Range(1, 5).Select(v => ScoreWith(question, new Answer { Number = v }, dimension)).ToList();
        Assert.Equal(scores.Order(), scores);
    }

    public static TheoryData<string> QuestionsWithUnknown() =>
        [.. Checklist.Steps.Where(s => s.Kind == StepKind.Choice && s.Options.Any(o => o.Id == "unknown")).Select(s => s.Id)];

    [Theory]
    [MemberData(nameof(QuestionsWithUnknown))]
    public void AnsweringUnknown_NeverScoresBetterThanARealAnswer(string question)
    {
        var step = Checklist.Steps.Single(s => s.Id == question);
        var unknown = ScoreWith(question, new Answer { Choice = "unknown" }, step.Dimension!);
        Assert.All(step.Options.Where(o => o.Id != "unknown"), o => Assert.True(
            ScoreWith(question, new Answer { Choice = o.Id }, step.Dimension!) >= unknown,
            $"'{o.Id}' scores below 'unknown' on {question}"));
    }
}
