using AiCoachBot.Coaching.Flows;
using AiCoachBot.Coaching.Framing;

namespace AiCoachBot.Coaching.Diagnostics;

/// <summary>
/// Ranks the pitfalls of a project's phase from the answers, with the framing checklist's rules engine:
/// the catalogue's rule set has one dimension per pitfall, so a pitfall's risk is its dimension's score.
/// </summary>
public static class DiagnosisEngine
{
    public static Diagnosis Evaluate(PitfallCatalog catalog, IReadOnlyDictionary<string, Answer> answers, string? phase)
    {
        var assessment = RulesEngine.Evaluate(catalog.Rules, answers);
        var relevant = catalog.Pitfalls.Where(p => p.BitesIn(phase)).ToList();
        var examined = relevant.Where(p => p.Questions.Any(answers.ContainsKey)).ToList();
        // OrderBy is stable: pitfalls alike in every respect keep the catalogue's order.
        var ranked = relevant
            .Select(p => Risk(p, assessment.Dimensions.First(d => d.Dimension.Id == p.Id), catalog.Thresholds))
            .Where(r => r.Level > RiskLevel.None)
            .OrderByDescending(r => r.Level).ThenByDescending(r => r.Score).ThenByDescending(r => r.Pitfall.Severity)
            .ToList();
        return new Diagnosis(ranked, examined, relevant.Except(examined).ToList());
    }

    /// <summary>The evidence is what raised the risk; reassuring answers lower the score but are not "because you said".</summary>
    private static PitfallRisk Risk(Pitfall pitfall, DimensionScore score, RiskThresholds thresholds) =>
        new(pitfall, LevelOf(score.Score, thresholds), score.Score, score.Fired.Where(f => f.Rule.Points!.Value > 0).ToList());

    public static RiskLevel LevelOf(int score, RiskThresholds thresholds) =>
        score >= thresholds.High ? RiskLevel.High : score >= thresholds.Medium ? RiskLevel.Medium : score > 0 ? RiskLevel.Low : RiskLevel.None;
}
