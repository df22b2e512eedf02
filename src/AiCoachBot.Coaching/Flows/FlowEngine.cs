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
public sealed class FlowEngine(IReadOnlyList<FlowDefinition> flows, IReadOnlyDictionary<string, IStepSelector>? selectors = null)
{
    public IReadOnlyList<FlowDefinition> Flows { get; } = flows;

    public FlowDefinition? Find(string? id) => Flows.FirstOrDefault(f => f.Id == id);

    public FlowDefinition Definition(FlowSession session) =>
        Find(session.FlowId) ?? throw new InvalidOperationException($"Flow '{session.FlowId}' is not loaded.");

    /// <summary>A session saved before its flow was edited may point past the end or at a removed flow.</summary>
    public bool IsResumable(FlowSession session) => Find(session.FlowId) is { } flow && session.StepIndex < flow.Steps.Count;

    /// <summary>
    /// A new run; <paramref name="known"/> answers (from an earlier checklist) are taken as given, never asked.
    /// When they leave nothing to ask, the session is already <see cref="IsFinished"/>.
    /// </summary>
    public FlowSession Start(FlowDefinition flow, DateTimeOffset now, FlowGuide? guide = null, IReadOnlyDictionary<string, Answer>? known = null) =>
        Selector(flow).First(flow, new FlowSession(flow.Id, 0, known ?? ImmutableDictionary<string, Answer>.Empty, [], 1, now, Guide: guide));

    public bool IsFinished(FlowSession session) => session.StepIndex >= Definition(session).Steps.Count;

    public StepDefinition CurrentStep(FlowSession session) => Definition(session).Steps[session.StepIndex];

    public (int Index, int Count) Progress(FlowSession session) => Selector(Definition(session)).Progress(Definition(session), session);

    public FlowProgress Answer(FlowSession session, string? rawAnswer, Language language, CultureInfo culture)
    {
        var flow = Definition(session);
        var step = flow.Steps[session.StepIndex];
        var parsed = AnswerParser.Parse(step, rawAnswer, language, culture);
        if (parsed.Answer is null) return new FlowProgress.Rejected(session, parsed);

        var answered = session with
        {
            Answers = session.Answers.ToImmutableDictionary().SetItem(step.Id, parsed.Answer),
            History = [.. session.History, session.StepIndex],
        };
        var advanced = Selector(flow).Next(flow, answered) with { Token = session.Token + 1 };
        return advanced.StepIndex >= flow.Steps.Count ? new FlowProgress.Completed(advanced) : new FlowProgress.Asking(advanced);
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

    /// <summary>From the first question again, on the same project and with the same guide and known answers.</summary>
    public FlowSession Restart(FlowSession session, DateTimeOffset now)
    {
        var flow = Definition(session);
        var known = session.Guide?.Known.Where(session.Answers.ContainsKey).ToDictionary(id => id, id => session.Answers[id]);
        return Start(flow, now, session.Guide, known) with { Token = session.Token + 1, ProjectId = session.ProjectId, RunId = session.RunId };
    }

    /// <summary>Asks the current question again (after a restart of the bot, or on "help"), on a fresh card.</summary>
    public FlowSession Reissue(FlowSession session) => session with { Token = session.Token + 1 };

    private IStepSelector Selector(FlowDefinition flow) =>
        selectors is not null && selectors.TryGetValue(flow.Id, out var selector) ? selector : FileOrder.Instance;
}
