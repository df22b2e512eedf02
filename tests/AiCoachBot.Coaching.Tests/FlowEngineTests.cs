using System.Globalization;
using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Flows;
using AiCoachBot.Coaching.Localization;
using AiCoachBot.Coaching.Tests.Support;

namespace AiCoachBot.Coaching.Tests;

public sealed class FlowEngineTests
{
    private static FlowEngine Engine => TestFlows.Engine;
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    private static FlowSession Started() => Engine.Start(Engine.Find("all-kinds")!, Now);

    private static FlowSession Answer(FlowSession session, string text) => TestFlows.Answer(session, text);

    [Fact]
    public void Start_AsksTheFirstQuestion_WithNoAnswers()
    {
        var session = Started();
        Assert.Equal("sponsor", Engine.CurrentStep(session).Id);
        Assert.Empty(session.Answers);
    }

    [Fact]
    public void ValidAnswer_MovesToTheNextQuestion_AndChangesTheCardToken()
    {
        var first = Started();
        var second = Answer(first, "yes");
        Assert.Equal("phase", Engine.CurrentStep(second).Id);
        Assert.True(second.Answers["sponsor"].Flag);
        Assert.NotEqual(first.Token, second.Token);
    }

    [Fact]
    public void InvalidAnswer_LeavesTheSessionAsItWas()
    {
        var session = Started();
        var progress = Engine.Answer(session, "perhaps", Language.En, English);
        var rejected = Assert.IsType<FlowProgress.Rejected>(progress);
        Assert.Same(session, rejected.Session);
        Assert.Equal("flow.invalid.yesno", rejected.Reason.ErrorKey);
    }

    [Fact]
    public void Back_ReturnsToThePreviousQuestion_AndKeepsItsAnswerUntilReplaced()
    {
        var atPhase = Answer(Answer(Started(), "yes"), "poc");
        var back = Engine.Back(atPhase)!;
        Assert.Equal("phase", Engine.CurrentStep(back).Id);
        Assert.Equal("poc", back.Answers["phase"].Choice);
        var changed = Answer(back, "framing");
        Assert.Equal("framing", changed.Answers["phase"].Choice);
        Assert.Equal("quality", Engine.CurrentStep(changed).Id);
    }

    [Fact]
    public void Back_AtTheFirstQuestion_HasNowhereToGo() => Assert.Null(Engine.Back(Started()));

    [Fact]
    public void Restart_ForgetsAnswers_AndInvalidatesOldCards()
    {
        var advanced = Answer(Started(), "yes");
        var restarted = Engine.Restart(advanced, Now);
        Assert.Empty(restarted.Answers);
        Assert.Equal(0, restarted.StepIndex);
        Assert.True(restarted.Token > advanced.Token);
    }

    [Fact]
    public void LastAnswer_CompletesTheFlow_WithEveryAnswer()
    {
        var session = Started();
        foreach (var answer in new[] { "yes", "poc", "4", "120", "2027-01-15", "Predict churn" }) session = Answer(session, answer);
        var done = Assert.IsType<FlowProgress.Completed>(Engine.Answer(session, "gdpr", Language.En, English));
        Assert.Equal(7, done.Session.Answers.Count);
    }

    [Fact]
    public void SessionOfAFlowThatNoLongerExists_IsNotResumable() =>
        Assert.False(Engine.IsResumable(Started() with { FlowId = "removed-flow" }));
}
