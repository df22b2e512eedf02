namespace AiCoachBot.Coaching.Flows;

/// <summary>
/// Where a user stands in a flow. <see cref="Token"/> changes every time a question is asked, so an
/// answer from an old or hand-made card is recognised and refused.
/// </summary>
public sealed record FlowSession(
    string FlowId,
    int StepIndex,
    IReadOnlyDictionary<string, Answer> Answers,
    IReadOnlyList<int> History,
    int Token,
    DateTimeOffset StartedAt);
