using System.Globalization;
using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Flows;
using AiCoachBot.Coaching.Localization;

namespace AiCoachBot.Coaching.Tests.Support;

/// <summary>The engine over the shipped content plus the test flows, answered in English.</summary>
internal static class TestFlows
{
    public static readonly FlowEngine Engine = new(CoachingContent.Load(Paths.Content, [Paths.TestFlows]).Flows);
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>Answers the current question and expects the flow to move on.</summary>
    public static FlowSession Answer(FlowSession session, string text) => Engine.Answer(session, text, Language.En, English) switch
    {
        FlowProgress.Asking a => a.Session,
        FlowProgress.Completed c => c.Session,
        var other => throw new Xunit.Sdk.XunitException($"expected progress, got {other}"),
    };
}
