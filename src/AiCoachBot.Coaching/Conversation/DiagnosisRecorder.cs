using System.Text.Json.Nodes;
using AiCoachBot.Coaching.Commands;
using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Diagnostics;
using AiCoachBot.Coaching.Projects;
using AiCoachBot.Coaching.State;

namespace AiCoachBot.Coaching.Conversation;

/// <summary>
/// Turns a finished diagnostic into a diagnosis saved on its project, then shows the ranked pitfalls and what
/// changed since the previous diagnostic. Safe to repeat: the run id makes the second recording a no-op.
/// </summary>
public sealed class DiagnosisRecorder(CoachingContent content, ProjectStore projects, IDocumentStore store)
{
    private readonly DiagnosisCardRenderer _card = new(content);

    public async Task<IReadOnlyList<OutgoingMessage>> RecordAsync(UserTurn turn, PendingAssessment pending, CancellationToken cancellationToken)
    {
        var language = turn.Language;
        var diagnosis = DiagnosisEngine.Evaluate(content.Diagnostic, pending.Answers, pending.Guide?.Phase);
        var outcome = await projects.AddDiagnosisAsync(ProjectOwnership.For(turn.Scope, turn.UserId), pending.ProjectId, Record(diagnosis, pending), pending.Answers, cancellationToken);
        await PendingRuns.ForgetAsync(store, turn, pending.RunId, cancellationToken);

        if (outcome is not { } recorded) return [OutgoingMessage.OfText(content.Strings.Get(language, TextKeys.ProjectGone))];
        if (!recorded.Added) return [];
        var project = recorded.Project;
        var history = project.DiagnosisHistory;
        var previous = history.Count > 1 ? history[^2] : null;
        var buttons = new JsonArray { ProjectCards.ProjectButton(content.Strings.Get(language, TextKeys.ScorecardProfile), CommandIds.Project, project.Id) };
        return [OutgoingMessage.OfCard(_card.Render(project, diagnosis, previous, pending, language, buttons))];
    }

    public static DiagnosisRecord Record(Diagnosis diagnosis, PendingAssessment pending) => new(
        pending.CompletedAt,
        pending.RunId,
        pending.Guide?.Phase,
        diagnosis.Ranked.Select(r => new PitfallRiskRecord(r.Pitfall.Id, r.Level.ToString(), r.Score)).ToList(),
        diagnosis.Examined.Select(p => p.Id).ToList(),
        diagnosis.Ranked.SelectMany(r => r.Evidence).Select(f => f.Rule.Id).ToList());
}
