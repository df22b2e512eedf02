namespace AiCoachBot.Coaching.Coach;

/// <summary>
/// A result of the rules that a user asked to have explained: a scorecard gap or a diagnosed pitfall, with the
/// rule behind it, the answers that made the rule fire, what to do first, and the articles to read.
/// </summary>
public sealed record Finding(
    string Title,
    string Name,
    string Rationale,
    string Source,
    IReadOnlyList<string> Said,
    string FirstStep,
    IReadOnlyList<string> Articles,
    string Query)
{
    /// <summary>The finding as data for the model (masked by the caller before it leaves).</summary>
    public string ForModel() =>
        $"finding: {Name}\nrule: {Rationale} (source: {Source})\nanswers that triggered it: {(Said.Count == 0 ? "none in particular" : string.Join(" | ", Said))}\nremedy to start from: {FirstStep}";
}
