using System.Globalization;
using System.Text.Json.Nodes;
using AiCoachBot.Coaching.Commands;
using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Flows;
using AiCoachBot.Coaching.Localization;
using AiCoachBot.Coaching.Projects;
using AiCoachBot.Coaching.State;
using static AiCoachBot.Coaching.Content.CardElements;

namespace AiCoachBot.Coaching.Diagnostics;

/// <summary>
/// A diagnostic's result as an Adaptive Card 1.5: the pitfalls ranked by risk, each with the answers behind
/// it, the remedies for this week and this quarter with a button to add each as an action, what changed since
/// the previous diagnostic, and what was not examined.
/// </summary>
public sealed class DiagnosisCardRenderer(CoachingContent content)
{
    private StringCatalog Strings => content.Strings;

    public const int MaxDetailed = 6;
    public const int MaxEvidence = 3;
    public const string PitfallField = "pitfall";
    public const string RemedyField = "remedy";

    public JsonObject Render(Project project, Diagnosis diagnosis, DiagnosisRecord? previous, PendingAssessment run, Language language, JsonArray buttons)
    {
        var title = Strings.Format(language, TextKeys.DiagnosticTitle, ("project", project.Name));
        var body = new JsonArray
        {
            UserText(title, size: "Large", weight: "Bolder"),
            Text(Strings.Format(language, TextKeys.DiagnosticSummary,
                ("date", language.Date(run.CompletedAt)), ("phase", content.Phases.Title(run.Guide?.Phase, language)), ("count", Number(run.Answers.Count))), subtle: true),
        };
        var reused = run.Guide?.Known.Count(run.Answers.ContainsKey) ?? 0;
        if (reused > 0 && run.Guide?.KnownFrom is { } from)
            body.Add(Text(Strings.Format(language, TextKeys.DiagnosticSummaryReused, ("count", Number(reused)), ("date", language.Date(from))), subtle: true, size: "Small"));
        if (run.Guide?.Description is { Length: > 0 } description)
            body.Add(UserText(Strings.Format(language, TextKeys.DiagnosticDescribed, ("text", description))));
        if (previous is not null) AddChanges(body, diagnosis, previous, language);

        if (diagnosis.Ranked.Count == 0) body.Add(Text(Strings.Get(language, TextKeys.DiagnosticNone), separator: true));
        foreach (var risk in diagnosis.Ranked.Take(MaxDetailed)) body.Add(Detail(project, risk, previous, run, language));
        var others = diagnosis.Ranked.Skip(MaxDetailed).ToList();
        if (others.Count > 0)
            body.Add(Text(Strings.Format(language, TextKeys.DiagnosticOtherLow, ("pitfalls", string.Join(", ", others.Select(r => r.Pitfall.Name[language])))), separator: true));
        if (diagnosis.NotExamined.Count > 0)
            body.Add(Text(Strings.Format(language, TextKeys.DiagnosticNotExamined, ("pitfalls", string.Join(", ", diagnosis.NotExamined.Select(p => p.Name[language])))), subtle: true, size: "Small", separator: true));

        return Card(body, buttons, $"{title}: {Fallback(diagnosis, language)}");
    }

    private JsonObject Detail(Project project, PitfallRisk risk, DiagnosisRecord? previous, PendingAssessment run, Language language)
    {
        var items = new JsonArray
        {
            Text($"{Strings.Get(language, TextKeys.RiskTitle(risk.Level))} · **{risk.Pitfall.Name[language]}**", weight: "Bolder", color: Color(risk.Level)),
            Text(risk.Pitfall.Description[language], subtle: true),
        };
        if (previous?.Examined.Contains(risk.Pitfall.Id) == true)
            items.Add(Text(Strings.Format(language, TextKeys.DiagnosticWas, ("level", LevelText(LevelIn(previous, risk.Pitfall.Id), language)), ("date", language.Date(previous.At))), subtle: true, size: "Small"));
        items.Add(Text(Strings.Get(language, TextKeys.DiagnosticBecause), size: "Small", weight: "Bolder"));
        foreach (var line in Evidence(risk, run, language).Take(MaxEvidence)) items.Add(Text(line, size: "Small"));
        items.Add(Text(Strings.Format(language, TextKeys.DiagnosticWeek, ("remedy", risk.Pitfall.Remedies.Week[language]))));
        items.Add(Text(Strings.Format(language, TextKeys.DiagnosticQuarter, ("remedy", risk.Pitfall.Remedies.Quarter[language]))));
        items.Add(new JsonObject
        {
            ["type"] = "ActionSet",
            ["actions"] = new JsonArray(
                AddButton(Strings.Get(language, TextKeys.DiagnosticAddWeek), project.Id, risk.Pitfall.Id, Remedies.WeekId),
                AddButton(Strings.Get(language, TextKeys.DiagnosticAddQuarter), project.Id, risk.Pitfall.Id, Remedies.QuarterId),
                Conversation.ExplainTurns.Button(Strings.Get(language, TextKeys.ExplainButton), project.Id, Conversation.ExplainTurns.PitfallKind, risk.Pitfall.Id)),
        });
        return new JsonObject { ["type"] = "Container", ["separator"] = true, ["items"] = items };
    }

    /// <summary>"“No” to “Is there a named owner?”: why that matters", once per question, most telling rule first.</summary>
    private IEnumerable<string> Evidence(PitfallRisk risk, PendingAssessment run, Language language)
    {
        var seen = new HashSet<string>();
        foreach (var fired in risk.Evidence.OrderByDescending(f => f.Rule.Points!.Value))
        {
            var said = fired.Because.Where(b => seen.Add(b.Key)).Select(b => Said(b.Key, b.Value, run, language)).OfType<string>().ToList();
            if (said.Count == 0) continue;
            yield return $"• {string.Join("; ", said)}: {fired.Rule.Rationale[language]}";
        }
    }

    private string? Said(string questionId, Answer answer, PendingAssessment run, Language language)
    {
        if (content.Diagnostic.Questions.Steps.FirstOrDefault(s => s.Id == questionId) is not { } step) return null;
        var said = AnswerFormatter.Evidence(step, answer, language, Strings);
        return run.Guide?.Known.Contains(questionId) == true ? $"{said} {Strings.Get(language, TextKeys.DiagnosticFromFraming)}" : said;
    }

    private void AddChanges(JsonArray body, Diagnosis diagnosis, DiagnosisRecord previous, Language language)
    {
        var changes = diagnosis.Examined.Where(p => previous.Examined.Contains(p.Id))
            .Select(p => (Pitfall: p, Before: LevelIn(previous, p.Id), After: diagnosis.Ranked.FirstOrDefault(r => r.Pitfall == p)?.Level ?? RiskLevel.None))
            .Where(c => c.Before != c.After)
            .ToList();
        body.Add(Text(Strings.Format(language, TextKeys.DiagnosticSince, ("date", language.Date(previous.At))), weight: "Bolder", separator: true));
        var improved = changes.Where(c => c.After < c.Before).ToList();
        var worse = changes.Where(c => c.After > c.Before).ToList();
        if (improved.Count > 0) body.Add(Text(Strings.Format(language, TextKeys.DiagnosticImproved, ("list", Changes(improved, language))), color: "Good"));
        if (worse.Count > 0) body.Add(Text(Strings.Format(language, TextKeys.DiagnosticWorse, ("list", Changes(worse, language))), color: "Attention"));
        if (changes.Count == 0) body.Add(Text(Strings.Get(language, TextKeys.DiagnosticUnchanged)));
    }

    private string Changes(IEnumerable<(Pitfall Pitfall, RiskLevel Before, RiskLevel After)> changes, Language language) =>
        string.Join(", ", changes.Select(c => Strings.Format(language, TextKeys.DiagnosticChange,
            ("pitfall", c.Pitfall.Name[language]), ("before", LevelText(c.Before, language)), ("after", LevelText(c.After, language)))));

    private string Fallback(Diagnosis diagnosis, Language language) => diagnosis.Ranked.Count == 0
        ? Strings.Get(language, TextKeys.DiagnosticNone)
        : string.Join("; ", diagnosis.Ranked.Select(r => $"{r.Pitfall.Name[language]} ({LevelText(r.Level, language)})"));

    public static RiskLevel LevelIn(DiagnosisRecord record, string pitfallId) =>
        record.Risks.FirstOrDefault(r => r.Pitfall == pitfallId) is { } risk && Enum.TryParse<RiskLevel>(risk.Level, out var level) ? level : RiskLevel.None;

    private string LevelText(RiskLevel level, Language language) => Strings.Get(language, TextKeys.RiskLevelText(level));

    private static JsonObject AddButton(string title, string projectId, string pitfallId, string remedy) => new()
    {
        ["type"] = "Action.Submit",
        ["title"] = title,
        ["data"] = new JsonObject { ["command"] = CommandIds.AddAction, [ProjectCards.ProjectInput] = projectId, [PitfallField] = pitfallId, [RemedyField] = remedy },
    };

    private static string? Color(RiskLevel level) => level switch { RiskLevel.High => "Attention", RiskLevel.Medium => "Warning", _ => null };

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
