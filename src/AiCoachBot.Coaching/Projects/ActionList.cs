using AiCoachBot.Coaching.Privacy;
using System.Text.Json.Nodes;
using AiCoachBot.Coaching.Commands;
using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Localization;
using static AiCoachBot.Coaching.Content.CardElements;

namespace AiCoachBot.Coaching.Projects;

/// <summary>
/// Open actions as the weekly card and the <c>actions</c> list show them: overdue first and in red, then by due date,
/// each with who owns it and a "Mark done" button anyone in the team may press.
/// </summary>
public static class ActionList
{
    public const int MaxOnCard = 8;
    public const string ActionField = "action";
    public const string WeekField = "week";

    public static IReadOnlyList<ProjectAction> Ordered(IReadOnlyList<ProjectAction> open, DateOnly today) =>
        open.OrderByDescending(a => a.IsOverdue(today)).ThenBy(a => a.Due ?? DateOnly.MaxValue).ThenBy(a => a.CreatedAt).ToList();

    public static void Add(JsonArray body, ProjectAction action, string projectId, string? week, DateOnly today, StringCatalog strings, Language language)
    {
        var overdue = action.IsOverdue(today);
        var details = new List<string>();
        if (action.Owner is { } owner) details.Add(MarkdownText.Literal(strings.Shown(language, owner)));
        if (action.Due is { } due) details.Add(strings.Format(language, "actions.due", ("date", language.Date(due))));
        if (overdue) details.Add("**" + strings.Get(language, "actions.overdue") + "**");
        var data = new JsonObject { ["command"] = CommandIds.ActionDone, [ProjectCards.ProjectInput] = projectId, [ActionField] = action.Id };
        if (week is not null) data[WeekField] = week;
        body.Add(new JsonObject
        {
            ["type"] = "ColumnSet",
            ["separator"] = true,
            ["columns"] = new JsonArray(
                new JsonObject
                {
                    ["type"] = "Column", ["width"] = "stretch",
                    ["items"] = details.Count == 0 ? new JsonArray(UserText("• " + action.Text))
                        : new JsonArray(UserText("• " + action.Text), Text(string.Join(" · ", details), size: "Small", color: overdue ? "Attention" : null, subtle: !overdue)),
                },
                new JsonObject
                {
                    ["type"] = "Column", ["width"] = "auto", ["verticalContentAlignment"] = "Center",
                    ["items"] = new JsonArray(new JsonObject
                    {
                        ["type"] = "ActionSet",
                        ["actions"] = new JsonArray(new JsonObject { ["type"] = "Action.Submit", ["title"] = strings.Get(language, "actions.markDone"), ["data"] = data }),
                    }),
                }),
        });
    }
}
