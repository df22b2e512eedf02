using System.Globalization;
using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Flows;
using AiCoachBot.Coaching.Localization;
using AiCoachBot.Coaching.Tests.Support;

namespace AiCoachBot.Coaching.Tests;

/// <summary>Later questions are skipped when earlier answers make them irrelevant.</summary>
public sealed class FlowSkipTests
{
    private static FlowEngine Engine => TestFlows.Engine;
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    private static FlowSession Answer(FlowSession session, string text) => TestFlows.Answer(session, text);

    private static FlowSession Start() => Engine.Start(Engine.Find("skips")!, DateTimeOffset.UnixEpoch);

    private static string Asked(FlowSession session) => Engine.CurrentStep(session).Id;

    [Fact]
    public void NoPersonalData_NoDpiaQuestion() => Assert.Equal("volume", Asked(Answer(Start(), "no")));

    [Fact]
    public void PersonalData_AsksAboutTheDpia() => Assert.Equal("dpia", Asked(Answer(Start(), "yes")));

    [Fact]
    public void AllOfSeveralConditions_MustHold()
    {
        Assert.Equal("sampling", Asked(Answer(Answer(Start(), "no"), "2000000")));
        Assert.Equal("sources", Asked(Answer(Answer(Start(), "no"), "5000")));
        Assert.Equal("sources", Asked(Answer(Answer(Answer(Start(), "yes"), "yes"), "2000000")));
    }

    [Fact]
    public void AnyOfSeveralConditions_IsEnough()
    {
        var atSources = Answer(Answer(Start(), "no"), "10");
        Assert.IsType<FlowProgress.Completed>(Engine.Answer(atSources, "crm", Language.En, English));
        Assert.Equal("join", Asked(Answer(atSources, "web")));
        Assert.Equal("join", Asked(Answer(atSources, "crm, erp")));
    }

    [Fact]
    public void ChangingAnEarlierAnswer_ForgetsTheAnswerOfAQuestionNowSkipped()
    {
        var withDpia = Answer(Answer(Start(), "yes"), "yes");
        Assert.True(withDpia.Answers.ContainsKey("dpia"));

        var backAtPersonal = Engine.Back(Engine.Back(withDpia)!)!;
        var changed = Answer(backAtPersonal, "no");

        Assert.Equal("volume", Asked(changed));
        Assert.False(changed.Answers.ContainsKey("dpia"));
    }

    [Fact]
    public void Back_AfterASkip_ReturnsToTheQuestionActuallyAsked()
    {
        var atVolume = Answer(Start(), "no");
        Assert.Equal("personal", Asked(Engine.Back(atVolume)!));
    }

    [Fact]
    public void StepDependingOnALaterQuestion_IsRefusedAtStartUp()
    {
        using var copy = new ContentCopy();
        copy.Write("flows/order.yaml", """
            id: order
            title: { en: "Order", fr: "Ordre" }
            completion: { en: "Done", fr: "Fini" }
            steps:
              - id: first
                type: yesno
                prompt: { en: "First?", fr: "Premier ?" }
                when: { question: second, equals: yes }
              - id: second
                type: yesno
                prompt: { en: "Second?", fr: "Second ?" }
            """);
        var error = Assert.Single(Assert.Throws<ContentValidationException>(() => CoachingContent.Load(copy.Root, [])).Errors);
        Assert.Equal("flows/order.yaml:8: question 'second' is not known here (a step's 'when' may only use questions asked before it)", error);
    }
}
