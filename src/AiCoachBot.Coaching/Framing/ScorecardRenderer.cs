using System.Globalization;
using System.Text.Json.Nodes;
using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Localization;
using AiCoachBot.Coaching.Projects;
using static AiCoachBot.Coaching.Content.CardElements;

namespace AiCoachBot.Coaching.Framing;

/// <summary>
/// The readiness scorecard as an Adaptive Card 1.5: the overall score and verdict (and what held it
/// down), a bar per dimension with the change since the last run, the next three actions, the AI Act tier.
/// </summary>
public sealed class ScorecardRenderer(StringCatalog strings, RuleSet rules)
{
    /// <summary>With <paramref name="projectId"/>, each next action has an "Explain" button.</summary>
    public JsonObject Render(string projectName, Assessment assessment, AssessmentRecord? previous, Language language, JsonArray? buttons = null, string? projectId = null)
    {
        var verdict = strings.Get(language, TextKeys.VerdictText(assessment.Verdict));
        var body = new JsonArray
        {
            // The project name is the user's text: a TextRun shows it as typed, never as markdown.
            UserText(strings.Format(language, TextKeys.ScorecardTitle, ("project", projectName)), size: "Large", weight: "Bolder"),
            Text(strings.Format(language, TextKeys.ScorecardOverall, ("score", Number(assessment.Overall)), ("verdict", verdict)), size: "Medium", color: Color(assessment.Verdict)),
        };
        if (assessment.Limits.Count > 0)
            body.Add(Text(strings.Format(language, TextKeys.ScorecardHeldDown, ("reasons", string.Join(", ", assessment.Limits.Select(l => Limit(l, language))))), subtle: true));

        body.Add(Text(strings.Get(language, TextKeys.ScorecardDimensions), weight: "Bolder", separator: true));
        foreach (var dimension in assessment.Dimensions) body.Add(DimensionRow(dimension, previous, language));

        body.Add(Text(strings.Get(language, TextKeys.ScorecardNextActions), weight: "Bolder", separator: true));
        var actions = assessment.NextActions().ToList();
        if (actions.Count == 0) body.Add(Text(strings.Get(language, TextKeys.ScorecardNoGaps)));
        for (var i = 0; i < actions.Count; i++)
        {
            body.Add(Text($"{i + 1}. **{actions[i].Dimension.Title[language]}**: {rules.Remedies[actions[i].Remedy][language]}"));
            if (projectId is not null)
                body.Add(new JsonObject
                {
                    ["type"] = "ActionSet",
                    ["actions"] = new JsonArray(Conversation.ExplainTurns.Button(strings.Get(language, TextKeys.ExplainButton), projectId, Conversation.ExplainTurns.GapKind, actions[i].Cause.Rule.Id)),
                });
        }

        var tierTitle = assessment.Tier?.Title[language] ?? strings.Get(language, TextKeys.ScorecardTierUnknown);
        body.Add(Text(strings.Format(language, TextKeys.ScorecardTier, ("tier", tierTitle)), weight: "Bolder", separator: true));
        if (assessment.Tier is { } tier) body.Add(Text(tier.Obligations[language]));
        body.Add(Text(strings.Get(language, TextKeys.ScorecardTierNote), subtle: true, size: "Small"));

        return Card(body, buttons ?? [], $"{strings.Format(language, TextKeys.ScorecardTitle, ("project", projectName))}: {assessment.Overall}/100, {verdict}.");
    }

    /// <summary>Name, a bar as wide as the score, the score, and how it moved since the previous run.</summary>
    private JsonObject DimensionRow(DimensionScore score, AssessmentRecord? previous, Language language)
    {
        var label = $"{score.Dimension.Title[language]} · {Number(score.Score)}";
        if (previous?.DimensionScores.TryGetValue(score.Dimension.Id, out var before) == true && before != score.Score)
        {
            var delta = score.Score - before;
            label += " · " + strings.Format(language, TextKeys.ScorecardChange,
                ("delta", (delta > 0 ? "+" : "−") + Number(Math.Abs(delta))),
                ("date", previous.At.ToString("d MMM", language.Culture())));
        }
        return new JsonObject
        {
            ["type"] = "Container",
            ["spacing"] = "Small",
            ["items"] = new JsonArray(Text(label, size: "Small"), Bar(score.Score)),
        };
    }

    private JsonObject Bar(int score)
    {
        var filled = Math.Clamp(score, 1, 99);
        return new JsonObject
        {
            ["type"] = "ColumnSet",
            ["spacing"] = "None",
            ["columns"] = new JsonArray(
                Column(filled.ToString(CultureInfo.InvariantCulture), score >= rules.Thresholds.Ready ? "good" : score >= rules.Thresholds.FixGaps ? "warning" : "attention"),
                Column((100 - filled).ToString(CultureInfo.InvariantCulture), "emphasis")),
        };
    }

    private static JsonObject Column(string width, string style) => new()
    {
        ["type"] = "Column",
        ["width"] = width,
        ["style"] = style,
        ["minHeight"] = "8px",
        ["items"] = new JsonArray(),
    };

    private string Limit(string limit, Language language) => limit.Split(':') switch
    {
        ["dimension", var id] => rules.Dimensions.FirstOrDefault(d => d.Id == id)?.Title[language] ?? id,
        ["rule", var id] => strings.Format(language, TextKeys.ScorecardRule, ("rule", id)),
        _ => limit,
    };

    private static string Color(Verdict verdict) => verdict switch { Verdict.Ready => "Good", Verdict.FixGaps => "Warning", _ => "Attention" };


    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
