using System.Globalization;
using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Diagnostics;
using AiCoachBot.Coaching.Flows;
using AiCoachBot.Coaching.Localization;
using AiCoachBot.Coaching.Tests.Support;

namespace AiCoachBot.Coaching.Tests;

/// <summary>How the diagnostic chooses its questions: by phase, by what the user described, never what is known, never more than the maximum.</summary>
public sealed class DiagnosticPlannerTests
{
    private static readonly PitfallCatalog Catalog = CoachingContent.Load(Paths.Content, []).Diagnostic;
    private static readonly DiagnosticPlanner Planner = new(Catalog);
    private static readonly FlowEngine Engine = new([Catalog.Questions], new Dictionary<string, IStepSelector> { [Catalog.Questions.Id] = Planner });

    public static TheoryData<string> Phases() => ["framing", "poc", "deployment", "measurement"];

    [Theory]
    [MemberData(nameof(Phases))]
    public void OnlyQuestionsOfPitfallsThatBiteInThePhase_AreAsked_AndNoMoreThanTheMaximum(string phase)
    {
        var asked = Run(new FlowGuide(phase, [], []));
        var relevant = Catalog.Pitfalls.Where(p => p.Phases.Contains(phase)).SelectMany(p => p.Questions).ToHashSet();

        Assert.InRange(asked.Count, 1, Catalog.MaxQuestions);
        Assert.All(asked, step => Assert.Contains(step.Id, relevant));
        Assert.All(asked, step => Assert.True(step.FitsPhase(phase), $"{step.Id} is not for {phase}"));
        Assert.Equal(asked.Count, asked.Select(s => s.Id).Distinct().Count());
    }

    [Fact]
    public void AProjectStillInFraming_IsNotAskedAboutMonitoringAfterGoLive()
    {
        var monitoring = Catalog.Find("no_monitoring")!;
        Assert.DoesNotContain("framing", monitoring.Phases);
        var onlyMonitoring = monitoring.Questions.Where(q => Catalog.Pitfalls.Where(p => p != monitoring).All(p => !p.Questions.Contains(q))).ToList();
        Assert.NotEmpty(onlyMonitoring);

        var asked = Run(new FlowGuide("framing", [], [])).Select(s => s.Id);
        Assert.Empty(asked.Intersect(onlyMonitoring));
    }

    [Theory]
    [MemberData(nameof(Phases))]
    public void ThePitfallsTheUserDescribed_AreExaminedFirst_AndInDepth(string phase)
    {
        var focused = Catalog.Pitfalls.Last(p => p.Phases.Contains(phase));
        var order = Planner.Order(new FlowGuide(phase, [focused.Id], []));
        var questions = Fitting(focused, phase);
        Assert.Equal(questions, order.Take(questions.Count));
    }

    [Theory]
    [MemberData(nameof(Phases))]
    public void WithoutADescription_EachPitfallGetsItsFirstQuestion_BeforeAnyGetsASecond_MostSevereFirst(string phase)
    {
        var relevant = Catalog.Pitfalls.Where(p => p.Phases.Contains(phase)).ToList();
        var order = Planner.Order(new FlowGuide(phase, [], []));
        var firsts = relevant.Select(p => Fitting(p, phase)[0]).Distinct().ToList();

        Assert.Equal(firsts.ToHashSet(), order.Take(firsts.Count).ToHashSet());
        Assert.Equal(Fitting(relevant.OrderByDescending(p => p.Severity).First(), phase)[0], order[0]);
    }

    /// <summary>A pitfall's questions that make sense in the phase, in its order.</summary>
    private static List<string> Fitting(Pitfall pitfall, string phase) =>
        pitfall.Questions.Where(q => Catalog.Questions.Steps.Single(s => s.Id == q).FitsPhase(phase)).ToList();

    [Fact]
    public void AnswersKnownFromTheFramingChecklist_AreNeverAskedAgain()
    {
        var framingIds = Catalog.Questions.Steps.Where(s => s.Dimension is not null).ToList();
        Assert.NotEmpty(framingIds);
        var known = framingIds.ToDictionary(s => s.Id, s => AnswerParser.Parse(s, Default(s), Language.En, CultureInfo.InvariantCulture).Answer!);

        var session = Engine.Start(Catalog.Questions, DateTimeOffset.UnixEpoch, new FlowGuide("poc", [], [.. known.Keys]), known);
        var asked = Run(session);

        Assert.Empty(asked.Select(s => s.Id).Intersect(known.Keys));
    }

    [Fact]
    public void TheProgressLine_CountsQuestionsAsked_AndNeverPromisesMoreThanTheMaximum()
    {
        var session = Engine.Start(Catalog.Questions, DateTimeOffset.UnixEpoch, new FlowGuide("deployment", [], []));
        var (index, count) = Engine.Progress(session);
        Assert.Equal(1, index);
        Assert.InRange(count, 1, Catalog.MaxQuestions);

        session = ((FlowProgress.Asking)Engine.Answer(session, Default(Engine.CurrentStep(session)), Language.En, CultureInfo.InvariantCulture)).Session;
        Assert.Equal(2, Engine.Progress(session).Index);
    }

    [Fact]
    public void Restart_KeepsTheProjectTheGuideAndTheKnownAnswers()
    {
        var known = Catalog.Questions.Steps.Where(s => s.Dimension is not null).Take(2)
            .ToDictionary(s => s.Id, s => AnswerParser.Parse(s, Default(s), Language.En, CultureInfo.InvariantCulture).Answer!);
        var guide = new FlowGuide("poc", [], [.. known.Keys]);
        var session = Engine.Start(Catalog.Questions, DateTimeOffset.UnixEpoch, guide, known) with { ProjectId = "p1", RunId = "r1" };
        session = ((FlowProgress.Asking)Engine.Answer(session, Default(Engine.CurrentStep(session)), Language.En, CultureInfo.InvariantCulture)).Session;

        var restarted = Engine.Restart(session, DateTimeOffset.UnixEpoch);

        Assert.Equal(("p1", "r1", guide), (restarted.ProjectId, restarted.RunId, restarted.Guide));
        Assert.Equal(known.Keys.Order(), restarted.Answers.Keys.Order());
        Assert.Empty(restarted.History);
    }

    private static List<StepDefinition> Run(FlowGuide guide) => Run(Engine.Start(Catalog.Questions, DateTimeOffset.UnixEpoch, guide));

    /// <summary>Answers every question with <see cref="Default"/>; returns the questions asked, in order.</summary>
    private static List<StepDefinition> Run(FlowSession session)
    {
        var asked = new List<StepDefinition>();
        while (!Engine.IsFinished(session))
        {
            var step = Engine.CurrentStep(session);
            asked.Add(step);
            var progress = Engine.Answer(session, Default(step), Language.En, CultureInfo.InvariantCulture);
            session = progress is FlowProgress.Asking a ? a.Session : ((FlowProgress.Completed)progress).Session;
            Assert.True(asked.Count <= Catalog.MaxQuestions + 1, "the diagnostic does not stop");
        }
        return asked;
    }

    /// <summary>"I don't know" where it is offered, else the first option or a plain value.</summary>
    private static string Default(StepDefinition step) =>
        step.Options.Any(o => o.Id == "unknown") ? "unknown" : step.Kind switch
        {
            StepKind.YesNo => "no",
            StepKind.Choice or StepKind.MultiSelect => step.Options[0].Id,
            StepKind.Scale => "3",
            StepKind.Number => (step.Min ?? 0).ToString(CultureInfo.InvariantCulture),
            StepKind.Date => "2027-06-30",
            _ => "n/a",
        };
}
