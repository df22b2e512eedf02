namespace AiCoachBot.Coaching.Flows;

/// <summary>
/// Where a user stands in a flow. <see cref="Token"/> changes every time a question is asked, so an
/// answer from an old or hand-made card is recognised and refused. A framing run also names its project
/// and a run id that makes recording its assessment idempotent.
/// </summary>
public sealed record FlowSession(
    string FlowId,
    int StepIndex,
    IReadOnlyDictionary<string, Answer> Answers,
    IReadOnlyList<int> History,
    int Token,
    DateTimeOffset StartedAt,
    string? ProjectId = null,
    string? RunId = null);
