using AiCoachBot.Coaching.Framing;

namespace AiCoachBot.Coaching.Diagnostics;

/// <summary>Ordered from the lowest, so levels compare.</summary>
public enum RiskLevel { None, Low, Medium, High }

/// <summary>How much a pitfall threatens the project, and the answers that say so.</summary>
public sealed record PitfallRisk(Pitfall Pitfall, RiskLevel Level, int Score, IReadOnlyList<FiredRule> Evidence);

/// <summary>
/// The pitfalls of a project's phase ranked by risk (highest first), each traced to the answers behind it;
/// <see cref="Examined"/> are those with at least one answered question, <see cref="NotExamined"/> the rest.
/// </summary>
public sealed record Diagnosis(IReadOnlyList<PitfallRisk> Ranked, IReadOnlyList<Pitfall> Examined, IReadOnlyList<Pitfall> NotExamined)
{
    public IEnumerable<PitfallRisk> AtLeast(RiskLevel level) => Ranked.Where(r => r.Level >= level);
}
