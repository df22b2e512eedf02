using System.Text.Json.Nodes;
using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Localization;
using AiCoachBot.Coaching.Nudges;
using AiCoachBot.Coaching.Projects;
using AiCoachBot.Coaching.State;
using static AiCoachBot.Coaching.Content.CardElements;

namespace AiCoachBot.Coaching.Conversation;

/// <summary>
/// <c>actions</c> lists a project's open actions; "Mark done", on that list or on the weekly card, closes one for the
/// whole team and updates the card it was pressed on.
/// </summary>
public sealed class ActionTurns(CoachingContent content, IDocumentStore store, ProjectStore projects, Replies replies, TimeProvider time, INudgeJobs? jobs)
{
    private readonly PostedWeeklyCard _weekly = new(content, store, jobs, time);

    /// <summary>The named project's actions, else the channel's project's, else those of every project that has some.</summary>
    public async Task<TurnResult> ListAsync(UserTurn turn, string? name, CancellationToken cancellationToken)
    {
        var owner = ProjectOwnership.For(turn.Scope, turn.UserId);
        IReadOnlyList<Project> shown;
        if (name is not null)
        {
            var lookup = await projects.FindByNameAsync(owner, name, cancellationToken);
            if (lookup.Project is null) return TurnResult.Say(replies.Text(turn.Language, lookup.Status == LookupStatus.Ambiguous ? TextKeys.ProjectAmbiguous : TextKeys.ProjectNotFound,
                new Dictionary<string, string> { ["matches"] = string.Join(", ", (lookup.Matches ?? []).Select(MarkdownText.Literal)) }));
            shown = [lookup.Project];
        }
        else
        {
            var owned = await projects.ListAsync(owner, cancellationToken);
            var linked = ProjectStore.LinkedTo(owned, turn.Scope.ChannelId);
            shown = linked is not null ? [linked] : owned.Where(p => p.OpenActions.Count > 0).Take(5).ToList();
            if (shown.Count == 0) return TurnResult.Say(replies.Text(turn.Language, owned.Count == 0 ? "retro.noProject" : "actions.noneAnywhere"));
        }
        return new TurnResult(shown.Select(p => OutgoingMessage.OfCard(Card(p, Today(p), turn.Language))).ToList());
    }

    /// <summary>"Mark done": the action is closed with who did it; the pressed card (weekly or list) shows the rest.</summary>
    public async Task<TurnResult> DoneAsync(UserTurn turn, JsonObject data, CancellationToken cancellationToken)
    {
        var owner = ProjectOwnership.For(turn.Scope, turn.UserId);
        var projectId = CardValues.Text(data[ProjectCards.ProjectInput]) ?? "";
        var actionId = CardValues.Text(data[ActionList.ActionField]) ?? "";
        var before = await projects.GetAsync(owner, projectId, cancellationToken);
        if (before.Project is null) return TurnResult.Say(replies.Text(turn.Language, before.Status == LookupStatus.NotYours ? TextKeys.ProjectNotYours : TextKeys.ProjectNotFound));
        var action = (before.Project.Actions ?? []).FirstOrDefault(a => a.Id == actionId);
        var (project, done) = await projects.MarkActionDoneAsync(owner, projectId, actionId, DisplayName.Of(turn.UserName), cancellationToken);
        if (project is null || action is null) return TurnResult.Say(replies.Text(turn.Language, "actions.unknown"));
        var said = replies.Text(turn.Language, done ? "actions.done" : "actions.alreadyDone", new Dictionary<string, string>
        {
            ["action"] = MarkdownText.Literal(action.Text),
            ["name"] = MarkdownText.Literal(DisplayName.Of(turn.UserName)),
        });
        var week = CardValues.Text(data[ActionList.WeekField]);
        var card = PostedWeeklyCard.IsWeek(week) && project.Channel is { } setup
            ? await _weekly.RenderAsync(project, setup, week, history: null, cancellationToken)
            : Card(project, Today(project), turn.Language);
        return new TurnResult([said], ReplaceCard: card);
    }

    private JsonObject Card(Project project, DateOnly today, Language language)
    {
        var strings = content.Strings;
        var open = ActionList.Ordered(project.OpenActions, today);
        var body = new JsonArray
        {
            UserText(strings.Format(language, "actions.title", ("project", project.Name)), size: "Large", weight: "Bolder"),
            Text(open.Count == 0 ? strings.Get(language, "actions.none")
                : strings.Format(language, "actions.count", ("count", open.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    ("overdue", open.Count(a => a.IsOverdue(today)).ToString(System.Globalization.CultureInfo.InvariantCulture))), subtle: true),
        };
        foreach (var action in open) ActionList.Add(body, action, project.Id, week: null, today, strings, language);
        return CardElements.Card(body, [], strings.Format(language, "actions.title", ("project", project.Name)));
    }

    private DateOnly Today(Project project) => project.Channel?.Today(time.GetUtcNow()) ?? WeeklySchedule.LocalDay(time.GetUtcNow(), TimeZoneInfo.Utc);
}
