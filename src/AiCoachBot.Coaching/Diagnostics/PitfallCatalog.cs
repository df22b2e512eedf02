using AiCoachBot.Coaching.Flows;
using AiCoachBot.Coaching.Framing;

namespace AiCoachBot.Coaching.Diagnostics;

/// <summary>Where risk levels start, in percent of a pitfall's maximum risk.</summary>
public sealed record RiskThresholds(int High, int Medium);

/// <summary>
/// The pitfall catalogue from <c>content/diagnostic/</c>. <see cref="Questions"/> is the diagnostic as a
/// flow: its own questions, then the framing questions it reuses. <see cref="Rules"/> is a rule set whose
/// dimensions are the pitfalls and whose points are risk, so the framing rules engine scores it unchanged.
/// </summary>
public sealed record PitfallCatalog(
    IReadOnlyList<Pitfall> Pitfalls,
    FlowDefinition Questions,
    RuleSet Rules,
    int MaxQuestions,
    int ReuseFramingDays,
    RiskThresholds Thresholds,
    DateOnly? LastReviewed)
{
    public const string Folder = "diagnostic";
    public const int MaxQuestionsAllowed = 15;

    public Pitfall? Find(string? id) => Pitfalls.FirstOrDefault(p => p.Id == id);
}
