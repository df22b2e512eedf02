using AiCoachBot.Coaching.Flows;

namespace AiCoachBot.Coaching.Framing;

/// <summary>
/// Scores answers with a rule set. Deterministic and explainable: the same answers always give the same
/// assessment, and each part of it names the rules and answers it comes from. Like the ML Test Score,
/// the verdict follows the weakest critical dimension rather than an average that hides it.
/// </summary>
public static class RulesEngine
{
    public static Assessment Evaluate(RuleSet rules, IReadOnlyDictionary<string, Answer> answers)
    {
        var fired = rules.Rules.Where(r => r.When.IsMetBy(answers)).Select(r => Explain(r, answers)).ToList();

        var dimensions = rules.Dimensions.Select(d => Score(d, fired)).ToList();
        var totalWeight = rules.Dimensions.Sum(d => d.Weight);
        var overall = totalWeight == 0 ? 0 : (int)Math.Round(dimensions.Sum(s => (decimal)s.Score * s.Dimension.Weight) / totalWeight, MidpointRounding.AwayFromZero);

        // Each limit on the verdict: the overall score, the weakest critical dimension, and every cap that fired.
        var candidates = new List<(Verdict Verdict, string Reason)> { (VerdictOf(overall, rules.Thresholds), "overall") };
        if (dimensions.Where(s => s.Dimension.Critical).OrderBy(s => s.Score).FirstOrDefault() is { } weakest)
            candidates.Add((VerdictOf(weakest.Score, rules.Thresholds), $"dimension:{weakest.Dimension.Id}"));
        candidates.AddRange(fired.Where(f => f.Rule.Cap is not null).Select(f => (f.Rule.Cap!.Value, $"rule:{f.Rule.Id}")));
        var verdict = candidates.Min(c => c.Verdict);
        var heldDown = verdict < candidates[0].Verdict;
        var limits = heldDown ? candidates.Skip(1).Where(c => c.Verdict == verdict).Select(c => c.Reason).ToList() : [];

        var weights = rules.Dimensions.ToDictionary(d => d.Id, d => d.Weight);
        var gaps = fired.Where(f => f.Rule.Gap is not null)
            .Select(f => new Gap(f, rules.Dimensions.First(d => d.Id == f.Rule.Gap!.Dimension), f.Rule.Gap!.Severity, f.Rule.Gap.Remedy))
            .OrderByDescending(g => g.Severity).ThenByDescending(g => weights[g.Dimension.Id])
            .ToList();

        // No tier unless a rule establishes one: an unsure or unanswered triage must not read as "minimal".
        var tier = rules.Tiers.FirstOrDefault(t => fired.Any(f => f.Rule.Tier == t.Id));
        return new Assessment(overall, verdict, dimensions, gaps, tier, fired, limits);
    }

    private static FiredRule Explain(Rule rule, IReadOnlyDictionary<string, Answer> answers) =>
        new(rule, rule.When.Questions.Where(answers.ContainsKey).Select(q => KeyValuePair.Create(q, answers[q])).ToList());

    private static DimensionScore Score(Dimension dimension, IReadOnlyList<FiredRule> fired)
    {
        var mine = fired.Where(f => f.Rule.Points?.Dimension == dimension.Id || f.Rule.Gap?.Dimension == dimension.Id).ToList();
        var points = Math.Clamp(mine.Sum(f => f.Rule.Points?.Dimension == dimension.Id ? f.Rule.Points.Value : 0), 0, dimension.MaxPoints);
        var score = dimension.MaxPoints == 0 ? 0 : (int)Math.Round(100 * points / dimension.MaxPoints, MidpointRounding.AwayFromZero);
        return new DimensionScore(dimension, points, score, mine);
    }

    private static Verdict VerdictOf(int score, Thresholds thresholds) =>
        score >= thresholds.Ready ? Verdict.Ready : score >= thresholds.FixGaps ? Verdict.FixGaps : Verdict.Rethink;
}
