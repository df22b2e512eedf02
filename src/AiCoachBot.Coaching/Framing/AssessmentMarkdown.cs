using System.Globalization;
using System.Text;
using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Flows;
using AiCoachBot.Coaching.Localization;

namespace AiCoachBot.Coaching.Framing;

/// <summary>
/// An assessment as a Markdown document in the user's language: every question and answer, the scores,
/// each rule that fired with its source and the answers behind it, the next actions and the AI Act tier.
/// </summary>
public sealed class AssessmentMarkdown(StringCatalog strings, FramingContent framing)
{
    public string Render(string projectName, DateTimeOffset at, IReadOnlyDictionary<string, Answer> answers, Assessment assessment, Language language)
    {
        var culture = language.Culture();
        var md = new StringBuilder();
        md.AppendLine($"# {strings.Format(language, TextKeys.ExportTitle, ("project", Escape(projectName)))}").AppendLine();
        md.AppendLine(strings.Format(language, TextKeys.ExportMeta, ("date", at.ToString("d MMMM yyyy", culture)), ("score", assessment.Overall.ToString(CultureInfo.InvariantCulture)),
            ("verdict", strings.Get(language, TextKeys.VerdictText(assessment.Verdict))))).AppendLine();

        md.AppendLine($"## {strings.Get(language, TextKeys.ExportScores)}").AppendLine();
        foreach (var score in assessment.Dimensions) md.AppendLine($"- {score.Dimension.Title[language]}: {score.Score}/100");
        md.AppendLine();

        md.AppendLine($"## {strings.Get(language, TextKeys.ExportActions)}").AppendLine();
        if (assessment.Gaps.Count == 0) md.AppendLine(strings.Get(language, TextKeys.ScorecardNoGaps));
        foreach (var gap in assessment.Gaps) md.AppendLine($"- **{gap.Dimension.Title[language]}** ({gap.Severity.ToString().ToLowerInvariant()}): {framing.Rules.Remedies[gap.Remedy][language]}");
        md.AppendLine();

        md.AppendLine($"## {strings.Get(language, TextKeys.ExportTier)}").AppendLine();
        md.AppendLine(assessment.Tier is { } tier
            ? $"**{tier.Title[language]}**: {tier.Obligations[language]}"
            : $"**{strings.Get(language, TextKeys.ScorecardTierUnknown)}**").AppendLine();
        md.AppendLine($"_{strings.Get(language, TextKeys.ScorecardTierNote)}_").AppendLine();

        md.AppendLine($"## {strings.Get(language, TextKeys.ExportRules)}").AppendLine();
        foreach (var fired in assessment.Fired)
        {
            var because = string.Join("; ", fired.Because.Select(b => $"{Prompt(b.Key, language)} → {Escape(Display(b.Key, b.Value, language))}"));
            md.AppendLine($"- `{fired.Rule.Id}` {fired.Rule.Rationale[language]} ({fired.Rule.Source}). {strings.Get(language, TextKeys.ExportBecause)}: {because}");
        }
        md.AppendLine();

        md.AppendLine($"## {strings.Get(language, TextKeys.ExportAnswers)}").AppendLine();
        foreach (var step in framing.Checklist.Steps)
        {
            var answer = answers.TryGetValue(step.Id, out var a) ? Escape(Display(step.Id, a, language)) : strings.Get(language, TextKeys.ExportNotAnswered);
            md.AppendLine($"- **{step.Prompt[language]}** {answer}");
        }
        return md.ToString();
    }

    private string Prompt(string stepId, Language language) => framing.Checklist.Steps.First(s => s.Id == stepId).Prompt[language];

    private string Display(string stepId, Answer answer, Language language) =>
        AnswerFormatter.Display(framing.Checklist.Steps.First(s => s.Id == stepId), answer, language, strings);

    private static string Escape(string text) => MarkdownText.Literal(text);

}
