using AiCoachBot.Coaching.Flows;

namespace AiCoachBot.Coaching.State;

/// <summary>
/// What the bot remembers of one user in one conversation between turns. <see cref="Pending"/> holds a
/// finished framing run until its assessment is recorded on the project, so that a crash in between loses nothing.
/// </summary>
public sealed record UserSession(FlowSession? ActiveFlow, DateTimeOffset UpdatedAt, PendingAssessment? Pending = null);

/// <summary>A completed framing run waiting to be scored and recorded on its project.</summary>
public sealed record PendingAssessment(string ProjectId, string RunId, IReadOnlyDictionary<string, Answer> Answers, DateTimeOffset CompletedAt);

/// <summary>The bot was installed in a chat or team and said hello there.</summary>
public sealed record InstallRecord(DateTimeOffset WelcomedAt);
