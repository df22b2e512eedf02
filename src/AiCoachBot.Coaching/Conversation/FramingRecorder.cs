using System.Text.Json.Nodes;
using AiCoachBot.Coaching.Commands;
using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Framing;
using AiCoachBot.Coaching.Localization;
using AiCoachBot.Coaching.Projects;
using AiCoachBot.Coaching.State;

namespace AiCoachBot.Coaching.Conversation;

/// <summary>
/// Turns a finished framing run into an assessment on its project, then shows the scorecard with the
/// change since the previous run. Safe to repeat: the run id makes the second recording a no-op.
/// </summary>
public sealed class FramingRecorder(CoachingContent content, ProjectStore projects, IDocumentStore store)
{
    private readonly ScorecardRenderer _scorecard = new(content.Strings, content.Framing.Rules);

    public async Task<IReadOnlyList<OutgoingMessage>> RecordAsync(UserTurn turn, PendingAssessment pending, CancellationToken cancellationToken)
    {
        var language = turn.Language;
        var assessment = RulesEngine.Evaluate(content.Framing.Rules, pending.Answers);
        var outcome = await projects.AddAssessmentAsync(ProjectOwnership.For(turn.Scope, turn.UserId), pending.ProjectId, Record(assessment, pending), pending.Answers, cancellationToken);
        await PendingRuns.ForgetAsync(store, turn, pending.RunId, cancellationToken);

        if (outcome is not { } recorded) return [OutgoingMessage.OfText(content.Strings.Get(language, TextKeys.ProjectGone))];
        // Already recorded by an earlier attempt, which showed the scorecard then.
        if (!recorded.Added) return [];
        var project = recorded.Project;
        var previous = project.Assessments.Count > 1 ? project.Assessments[^2] : null;
        var actions = new JsonArray
        {
            ProjectCards.ProjectButton(content.Strings.Get(language, TextKeys.ScorecardExport), CommandIds.Export, project.Id),
            ProjectCards.ProjectButton(content.Strings.Get(language, TextKeys.ScorecardProfile), CommandIds.Project, project.Id),
        };
        return [OutgoingMessage.OfCard(_scorecard.Render(project.Name, assessment, previous, language, actions, project.Id))];
    }

    public static AssessmentRecord Record(Assessment assessment, PendingAssessment pending) => new(
        pending.CompletedAt,
        assessment.Overall,
        assessment.Verdict.ToString(),
        assessment.Dimensions.ToDictionary(d => d.Dimension.Id, d => d.Score),
        assessment.Gaps.Select(g => g.Remedy).Distinct().ToList(),
        assessment.Tier?.Id,
        assessment.Fired.Select(f => f.Rule.Id).ToList(),
        pending.RunId);
}
