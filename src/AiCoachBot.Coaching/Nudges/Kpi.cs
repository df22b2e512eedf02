using System.Text.Json.Serialization;

namespace AiCoachBot.Coaching.Nudges;

[JsonConverter(typeof(JsonStringEnumConverter<KpiDirection>))]
public enum KpiDirection { HigherIsBetter, LowerIsBetter }

/// <summary>
/// A figure the team follows every week (METHODOLOGY.md, "KPIs the weekly nudge follows"): where it started,
/// where it should get to and which way is better, how it is measured and who measures it.
/// </summary>
public sealed record Kpi(
    string Id,
    string Name,
    string Unit,
    decimal Baseline,
    decimal Target,
    KpiDirection Direction,
    string Method,
    string Owner,
    DateOnly? TargetDate = null);
