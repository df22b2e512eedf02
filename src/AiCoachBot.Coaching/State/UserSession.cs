using AiCoachBot.Coaching.Flows;

namespace AiCoachBot.Coaching.State;

/// <summary>What the bot remembers of one user in one conversation between turns.</summary>
public sealed record UserSession(FlowSession? ActiveFlow, DateTimeOffset UpdatedAt);

/// <summary>The bot was installed in a chat or team and said hello there.</summary>
public sealed record InstallRecord(DateTimeOffset WelcomedAt);
