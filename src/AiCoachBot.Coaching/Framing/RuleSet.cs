using AiCoachBot.Coaching.Localization;
using AiCoachBot.Coaching.Rules;

namespace AiCoachBot.Coaching.Framing;

/// <summary>Ordered from worst to best, so the lowest of several limits is the one that holds.</summary>
public enum Verdict { Rethink, FixGaps, Ready }

public enum GapSeverity { Minor, Major, Critical }

public sealed record Dimension(string Id, LocalizedText Title, int Weight, bool Critical, decimal MaxPoints);

public sealed record Thresholds(int Ready, int FixGaps);

/// <summary>An EU AI Act risk tier and what follows from it; tiers are listed from the highest.</summary>
public sealed record Tier(string Id, LocalizedText Title, LocalizedText Obligations);

public sealed record PointsEffect(string Dimension, decimal Value);

public sealed record GapEffect(string Dimension, GapSeverity Severity, string Remedy);

/// <summary>A declarative rule: when its condition holds, its effects apply. Its source says why it exists.</summary>
public sealed record Rule(
    string Id,
    LocalizedText Rationale,
    string Source,
    Condition When,
    PointsEffect? Points,
    GapEffect? Gap,
    Verdict? Cap,
    string? Tier,
    string Location);

public sealed record RuleSet(
    IReadOnlyList<Dimension> Dimensions,
    Thresholds Thresholds,
    IReadOnlyList<Tier> Tiers,
    IReadOnlyList<Rule> Rules,
    IReadOnlyDictionary<string, LocalizedText> Remedies,
    DateOnly? LastReviewed);
