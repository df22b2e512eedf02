using System.Globalization;
using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Localization;

namespace AiCoachBot.Coaching.Flows;

/// <summary>An answer as the user should read it back, in their language.</summary>
public static class AnswerFormatter
{
    /// <summary>"“No” to “Is there a named owner?”": an answer quoted with its question, a typed text shown literally.</summary>
    public static string Evidence(StepDefinition step, Answer answer, Language language, StringCatalog strings)
    {
        var shown = Display(step, answer, language, strings);
        if (step.Kind == StepKind.Text) shown = MarkdownText.Literal(shown);
        return strings.Format(language, TextKeys.DiagnosticEvidence, ("answer", shown), ("question", step.Prompt[language]));
    }

    public static string Display(StepDefinition step, Answer answer, Language language, StringCatalog strings)
    {
        var culture = language.Culture();
        return step.Kind switch
        {
            StepKind.YesNo => strings.Get(language, answer.Flag == true ? TextKeys.Yes : TextKeys.No),
            StepKind.Choice => Label(step, answer.Choice, language),
            StepKind.MultiSelect => string.Join(", ", (answer.Choices ?? []).Select(c => Label(step, c, language))),
            StepKind.Scale => $"{answer.Number:0}/5",
            StepKind.Number => answer.Number?.ToString("#,0.##", culture) ?? "",
            StepKind.Date => answer.Date?.ToString("d MMMM yyyy", culture) ?? "",
            _ => answer.Text is { Length: > 300 } t ? t[..300] + "…" : answer.Text ?? "",
        };
    }

    private static string Label(StepDefinition step, string? id, Language language) =>
        step.Options.FirstOrDefault(o => o.Id == id)?.Label[language] ?? id ?? "";
}
