namespace AiCoachBot.Coaching.Flows;

/// <summary>
/// Where a user stands in a flow. <see cref="Token"/> changes every time a question is asked, so an
/// answer from an old or hand-made card is recognised and refused. A run on a project (framing, diagnostic)
/// names the project and a run id that makes recording its result idempotent; an adaptive flow carries its guide.
/// </summary>
public sealed record FlowSession(
    string FlowId,
    int StepIndex,
    IReadOnlyDictionary<string, Answer> Answers,
    IReadOnlyList<int> History,
    int Token,
    DateTimeOffset StartedAt,
    string? ProjectId = null,
    string? RunId = null,
    FlowGuide? Guide = null);

/// <summary>
/// What steers an adaptive flow: the project's phase, the topics to examine first (from what the user
/// described), and the questions whose answers were known before it started, with the date they came from.
/// </summary>
public sealed record FlowGuide(string? Phase, IReadOnlyList<string> Focus, IReadOnlyList<string> Known, DateTimeOffset? KnownFrom = null, string? Description = null);
