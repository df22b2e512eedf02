using AiCoachBot.Coaching.Localization;

namespace AiCoachBot.Coaching.Diagnostics;

/// <summary>How much harm a pitfall does when it happens; ranks pitfalls of equal risk. Ordered from the least.</summary>
public enum PitfallSeverity { Low, Medium, High }

/// <summary>What to do about a pitfall: something this week, something this quarter.</summary>
public sealed record Remedies(LocalizedText Week, LocalizedText Quarter)
{
    public const string WeekId = "week";
    public const string QuarterId = "quarter";

    public LocalizedText? Find(string? id) => id switch { WeekId => Week, QuarterId => Quarter, _ => null };
}

/// <summary>
/// A common way AI projects go wrong (METHODOLOGY.md), as the catalogue describes it: how people
/// report it, when it bites, which questions reveal it and what to do about it. Its rules live in the
/// catalogue's rule set, scored by the same engine as the framing checklist.
/// </summary>
public sealed record Pitfall(
    string Id,
    LocalizedText Name,
    LocalizedText Description,
    LocalizedList Symptoms,
    IReadOnlyList<string> Phases,
    PitfallSeverity Severity,
    IReadOnlyList<string> Questions,
    decimal MaxRisk,
    Remedies Remedies,
    IReadOnlyList<string> Articles)
{
    public bool BitesIn(string? phase) => phase is null || Phases.Contains(phase);
}
