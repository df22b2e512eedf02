using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Localization;
using AiCoachBot.Coaching.Projects;
using AiCoachBot.Coaching.State;

namespace AiCoachBot.Coaching.Nudges;

/// <summary>
/// A week's check-in card as it stands now, to replace the posted one after a change made from it (values recorded,
/// an action marked done): posted late or not, the history, the team's day and the card's language.
/// </summary>
public sealed partial class PostedWeeklyCard(CoachingContent content, IDocumentStore store, INudgeJobs? jobs, TimeProvider time)
{
    private readonly WeeklyCardRenderer _card = new(content);

    /// <summary>Whether a button's week is one the bot could have written ("2026-W49").</summary>
    public static bool IsWeek([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? week) => week is not null && Week().IsMatch(week);

    public async Task<JsonObject> RenderAsync(Project project, ProjectChannel setup, string week, KpiHistory? history, CancellationToken cancellationToken)
    {
        var late = jobs is not null && (await jobs.FindAsync(project.Id, week, cancellationToken))?.Late == true;
        history ??= await KpiHistory.ReadAsync(store, project.Id, cancellationToken);
        return _card.Render(project, week, late, history, setup.Today(time.GetUtcNow()), Languages.FromLocale(setup.Plan.Language));
    }

    [GeneratedRegex(@"^\d{4}-W\d{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex Week();
}
