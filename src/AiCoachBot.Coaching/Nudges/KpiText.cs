using AiCoachBot.Coaching.Content;

namespace AiCoachBot.Coaching.Nudges;

/// <summary>How a KPI reads in a message or a card.</summary>
public static class KpiText
{
    /// <summary>" min" after a value, nothing when the KPI has no unit; the unit is the user's text, shown literally.</summary>
    public static string Unit(Kpi kpi) => kpi.Unit.Length == 0 ? "" : " " + MarkdownText.Literal(kpi.Unit);
}
