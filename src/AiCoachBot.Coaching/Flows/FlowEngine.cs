using System.Collections.Immutable;
using System.Globalization;
using AiCoachBot.Coaching.Localization;

namespace AiCoachBot.Coaching.Flows;

public abstract record FlowProgress
{
    public sealed record Asking(FlowSession Session) : FlowProgress;
    public sealed record Rejected(FlowSession Session, ParsedAnswer Reason) : FlowProgress;
    public sealed record Completed(FlowSession Session) : FlowProgress;
}

/// <summary>Moves a session through its flow. Pure: the caller stores the session it gets back.</summary>
public sealed class FlowEngine(IReadOnlyList<FlowDefinition> flows)
{
    public IReadOnlyList<FlowDefinition> Flows { get; } = flows;

    public FlowDefinition? Find(string? id) => Flows.FirstOrDefault(f => f.Id == id);

    public FlowDefinition Definition(FlowSession session) =>
        Find(session.FlowId) ?? throw new InvalidOperationException($"Flow '{session.FlowId}' is not loaded.");

    /// <summary>A session saved before its flow was edited may point past the end or at a removed flow.</summary>
    public bool IsResumable(FlowSession session) => Find(session.FlowId) is { } flow && session.StepIndex < flow.Steps.Count;

    public FlowSession Start(FlowDefinition flow, DateTimeOffset now) =>
        new(flow.Id, 0, ImmutableDictionary<string, Answer>.Empty, [], 1, now);

    public StepDefinition CurrentStep(FlowSession session) => Definition(session).Steps[session.StepIndex];

    public FlowProgress Answer(FlowSession session, string? rawAnswer, Language language, CultureInfo culture)
    {
        var flow = Definition(session);
        var step = flow.Steps[session.StepIndex];
        var parsed = AnswerParser.Parse(step, rawAnswer, language, culture);
        if (parsed.Answer is null) return new FlowProgress.Rejected(session, parsed);

        var answers = session.Answers.ToImmutableDictionary().SetItem(step.Id, parsed.Answer);
        var history = session.History.Append(session.StepIndex).ToList();
        var next = session.StepIndex + 1;
        // Skip what earlier answers make irrelevant, forgetting any answer it had before a change of mind.
        while (next < flow.Steps.Count && flow.Steps[next].When is { } when && !when.IsMetBy(answers))
            answers = answers.Remove(flow.Steps[next++].Id);
        var advanced = session with { Answers = answers, History = history, StepIndex = Math.Min(next, flow.Steps.Count), Token = session.Token + 1 };
        return next >= flow.Steps.Count ? new FlowProgress.Completed(advanced) : new FlowProgress.Asking(advanced);
    }

    /// <summary>Returns to the previous question, keeping its answer until it is given again; null at the first question.</summary>
    public FlowSession? Back(FlowSession session)
    {
        if (session.History.Count == 0) return null;
        return session with
        {
            StepIndex = session.History[^1],
            History = session.History.Take(session.History.Count - 1).ToList(),
            Token = session.Token + 1,
        };
    }

    public FlowSession Restart(FlowSession session, DateTimeOffset now) => Start(Definition(session), now) with { Token = session.Token + 1 };

    /// <summary>Asks the current question again (after a restart of the bot, or on "help"), on a fresh card.</summary>
    public FlowSession Reissue(FlowSession session) => session with { Token = session.Token + 1 };
}
