using AiCoachBot.Coaching.Flows;

namespace AiCoachBot.Coaching.State;

/// <summary>
/// What the bot remembers of one user in one conversation between turns. <see cref="Pending"/> holds a
/// finished run on a project until its result is recorded on the project, so that a crash in between loses nothing.
/// </summary>
public sealed record UserSession(FlowSession? ActiveFlow, DateTimeOffset UpdatedAt, PendingAssessment? Pending = null);

/// <summary>
/// A completed run on a project (the framing checklist, or the flow <see cref="FlowId"/> names) waiting to be
/// scored and recorded on its project; an adaptive run keeps its guide (the phase, what was reused).
/// </summary>
public sealed record PendingAssessment(string ProjectId, string RunId, IReadOnlyDictionary<string, Answer> Answers, DateTimeOffset CompletedAt, string? FlowId = null, FlowGuide? Guide = null);

/// <summary>The bot was installed in a chat or team and said hello there.</summary>
public sealed record InstallRecord(DateTimeOffset WelcomedAt);
