using AiCoachBot.Coaching.Flows;

namespace AiCoachBot.Coaching.Framing;

/// <summary>A rule that fired, and the answers that made it fire.</summary>
public sealed record FiredRule(Rule Rule, IReadOnlyList<KeyValuePair<string, Answer>> Because);

public sealed record DimensionScore(Dimension Dimension, decimal Points, int Score, IReadOnlyList<FiredRule> Fired);

public sealed record Gap(FiredRule Cause, Dimension Dimension, GapSeverity Severity, string Remedy);

/// <summary>
/// The readiness of a project as the rules see it. Every number can be traced to the rules that fired
/// and the answers behind them; <see cref="Limits"/> says what held the verdict down.
/// </summary>
public sealed record Assessment(
    int Overall,
    Verdict Verdict,
    IReadOnlyList<DimensionScore> Dimensions,
    IReadOnlyList<Gap> Gaps,
    Tier? Tier,
    IReadOnlyList<FiredRule> Fired,
    IReadOnlyList<string> Limits)
{
    public IEnumerable<Gap> NextActions(int count = 3) => Gaps.Take(count);
}
