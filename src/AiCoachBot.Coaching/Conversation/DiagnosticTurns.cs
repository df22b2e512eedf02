using System.Globalization;
using System.Text.Json.Nodes;
using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Diagnostics;
using AiCoachBot.Coaching.Flows;
using AiCoachBot.Coaching.Localization;
using AiCoachBot.Coaching.Projects;

namespace AiCoachBot.Coaching.Conversation;

/// <summary>
/// The diagnostic's own turns: how a run opens on a project (its phase, the pitfalls the description points
/// to, the framing answers it reuses) and the remedy buttons of its result, which add actions to the project.
/// </summary>
public sealed class DiagnosticTurns(CoachingContent content, ProjectStore projects, Replies replies, TimeProvider time, Coach.PitfallSuggester? suggester = null)
{
    private readonly SymptomMatcher _matcher = new(content.Diagnostic.Pitfalls);

    private PitfallCatalog Catalog => content.Diagnostic;

    /// <summary>Whether a message sounds like a project problem the diagnostic knows.</summary>
    public bool SoundsLikeAProblem(string text) => _matcher.Match(text).Count > 0;

    public async Task<FlowOpening> OpeningAsync(UserTurn turn, Project project, string? symptoms, CancellationToken cancellationToken)
    {
        var language = turn.Language;
        var focus = _matcher.Match(symptoms).Select(m => m.Pitfall).Where(p => p.BitesIn(project.Phase)).ToList();
        // Words that match no symptom may still describe one: the model, if any, names candidates (they never score).
        if (focus.Count == 0 && symptoms is not null && suggester is not null)
            focus = [.. await suggester.SuggestAsync(symptoms, project.Phase, turn.Scope.TenantId, turn.UserId, TextNames(turn), cancellationToken)];
        var (known, knownFrom) = await FramingAnswersAsync(project, cancellationToken);
        var guide = new FlowGuide(project.Phase, focus.Select(p => p.Id).ToList(), known.Keys.ToList(), knownFrom, symptoms);

        var intro = new List<OutgoingMessage>
        {
            replies.Text(language, TextKeys.DiagnosticStarted, new Dictionary<string, string>
            {
                ["project"] = MarkdownText.Literal(project.Name),
                ["phase"] = content.Phases.Title(project.Phase, language),
                ["max"] = Catalog.MaxQuestions.ToString(CultureInfo.InvariantCulture),
            }),
        };
        if (known.Count > 0 && knownFrom is { } from)
        {
            intro.Add(replies.Text(language, TextKeys.DiagnosticReused, new Dictionary<string, string>
            {
                ["count"] = known.Count.ToString(CultureInfo.InvariantCulture),
                ["date"] = language.Date(from),
            }));
        }
        if (focus.Count > 0)
            intro.Add(replies.Text(language, TextKeys.DiagnosticFocus, new Dictionary<string, string> { ["pitfalls"] = string.Join(", ", focus.Select(p => p.Name[language])) }));
        var resumed = replies.Text(language, TextKeys.DiagnosticResumed, new Dictionary<string, string> { ["project"] = MarkdownText.Literal(project.Name) });
        return new FlowOpening(project, intro, resumed, guide, known);
    }

    private static IReadOnlyList<string> TextNames(UserTurn turn) => turn.UserName is { Length: > 0 } name ? [name] : [];

    /// <summary>A remedy button of a result card. Everything it carries is checked: the project is the asker's, the pitfall and remedy exist.</summary>
    public async Task<TurnResult> AddActionAsync(UserTurn turn, JsonObject data, CancellationToken cancellationToken)
    {
        var language = turn.Language;
        var projectId = CardValues.Text(data[ProjectCards.ProjectInput]);
        var pitfall = Catalog.Find(CardValues.Text(data[DiagnosisCardRenderer.PitfallField]));
        var remedyId = CardValues.Text(data[DiagnosisCardRenderer.RemedyField]);
        if (projectId is null || pitfall?.Remedies.Find(remedyId) is not { } remedy) return TurnResult.Say(replies.Text(language, TextKeys.ActionInvalid));

        var owner = ProjectOwnership.For(turn.Scope, turn.UserId);
        var added = await projects.AddActionAsync(owner, projectId, remedy[language], $"pitfall:{pitfall.Id}:{remedyId}", turn.UserId, cancellationToken);
        if (added is not { } outcome)
        {
            var lookup = await projects.GetAsync(owner, projectId, cancellationToken);
            return TurnResult.Say(replies.Text(language, lookup.Status == LookupStatus.NotYours ? TextKeys.ProjectNotYours : TextKeys.ProjectNotFound));
        }
        var args = new Dictionary<string, string>
        {
            ["project"] = MarkdownText.Literal(outcome.Project.Name),
            ["text"] = remedy[language],
            ["max"] = ProjectStore.MaxOpenActions.ToString(CultureInfo.InvariantCulture),
        };
        return TurnResult.Say(replies.Text(language, outcome.Outcome switch
        {
            ActionOutcome.Added => TextKeys.ActionAdded,
            ActionOutcome.AlreadyOpen => TextKeys.ActionExists,
            _ => TextKeys.ActionFull,
        }, args));
    }

    /// <summary>The answers of the project's last framing run, if recent enough, limited to the questions the diagnostic asks.</summary>
    private async Task<(Dictionary<string, Answer> Known, DateTimeOffset? From)> FramingAnswersAsync(Project project, CancellationToken cancellationToken)
    {
        if (project.LastAssessment is not { RunId: { } runId } last || time.GetUtcNow() - last.At > TimeSpan.FromDays(Catalog.ReuseFramingDays)) return ([], null);
        var answers = await projects.ReadAnswersAsync(project, runId, cancellationToken);
        var asked = Catalog.Questions.Steps.Select(s => s.Id).ToHashSet();
        var known = (answers ?? new Dictionary<string, Answer>()).Where(a => asked.Contains(a.Key)).ToDictionary(a => a.Key, a => a.Value);
        return (known, known.Count > 0 ? last.At : null);
    }
}
