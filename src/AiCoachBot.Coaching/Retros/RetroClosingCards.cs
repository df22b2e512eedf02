using AiCoachBot.Coaching.Privacy;
using System.Text.Json.Nodes;
using AiCoachBot.Coaching.Commands;
using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Conversation;
using AiCoachBot.Coaching.Localization;
using AiCoachBot.Coaching.Projects;
using static AiCoachBot.Coaching.Content.CardElements;
using static AiCoachBot.Coaching.Retros.RetroCardParts;

namespace AiCoachBot.Coaching.Retros;

/// <summary>The facilitator's closing form, the summary that replaces the live card once closed, and the delete confirmation.</summary>
public sealed class RetroClosingCards(CoachingContent content)
{
    public const string DecisionInput = "decision";
    public const string RationaleInput = "rationale";
    public const string ReviewPrefix = "review.";
    /// <summary>Names offered in each owner list; Teams' people search finds anyone else in the conversation.</summary>
    public const int MaxOwnersListed = 25;
    public static string ActionText(int n) => $"action.{n}.text";
    public static string ActionOwner(int n) => $"action.{n}.owner";
    public static string ActionDue(int n) => $"action.{n}.due";

    private readonly RetroCardParts _parts = new(content);

    private StringCatalog S => content.Strings;

    /// <summary>The decision and why, what became of earlier actions still open, and the new actions with an owner and a due date.</summary>
    public JsonObject CloseForm(Retrospective retro, Project project, IReadOnlyList<ProjectAction> earlierOpen, IReadOnlyList<ChannelMember> members,
        Language language, IReadOnlyList<string>? problems = null, JsonObject? typed = null)
    {
        var template = _parts.Template(retro);
        string? Typed(string id) => CardValues.Text(typed?[id], CardValues.MaxInputLength);
        var title = S.Format(language, "retro.close.title", ("title", template.Title[language]));
        var body = new JsonArray { Text(title, size: "Large", weight: "Bolder"), UserText(project.Name, weight: "Bolder") };
        foreach (var problem in problems ?? []) body.Add(Text(problem, color: "Attention"));
        body.Add(WithValue(new JsonObject
        {
            ["type"] = "Input.ChoiceSet", ["id"] = DecisionInput, ["style"] = "expanded", ["isRequired"] = true,
            ["label"] = S.Get(language, template.Decision == DecisionKind.Poc ? "retro.close.decisionPoc" : "retro.close.decisionPhase"),
            ["choices"] = Choices(RetroTemplate.Decisions(template.Decision).Select(d => (S.Get(language, $"retro.decision.{d}"), d))),
        }, Typed(DecisionInput)));
        body.Add(WithValue(new JsonObject
        {
            ["type"] = "Input.Text", ["id"] = RationaleInput, ["isMultiline"] = true, ["isRequired"] = true, ["maxLength"] = Retrospective.MaxRationaleLength,
            ["label"] = S.Get(language, "retro.close.rationale"),
        }, Typed(RationaleInput)));
        if (earlierOpen.Count > 0)
        {
            body.Add(Text(S.Get(language, "retro.close.previous"), weight: "Bolder", separator: true));
            foreach (var action in earlierOpen)
            {
                body.Add(new JsonObject
                {
                    ["type"] = "Input.ChoiceSet", ["id"] = ReviewPrefix + action.Id, ["style"] = "compact",
                    ["label"] = Clip(action.Text, 200), ["value"] = Typed(ReviewPrefix + action.Id) ?? ReviewStatus.Carried,
                    ["choices"] = Choices(ReviewStatus.All.Select(s => (S.Get(language, $"retro.review.{s}"), s))),
                });
            }
        }
        body.Add(Text(S.Format(language, "retro.close.actions", ("max", Number(Retrospective.MaxActions))), weight: "Bolder", separator: true));
        var owners = Choices(members.Take(MaxOwnersListed).Select(m => (m.Name, m.Id)));
        for (var n = 1; n <= Retrospective.MaxActions; n++)
        {
            body.Add(WithValue(new JsonObject { ["type"] = "Input.Text", ["id"] = ActionText(n), ["maxLength"] = ProjectStore.MaxActionLength, ["label"] = S.Format(language, "retro.close.action", ("n", Number(n))) }, Typed(ActionText(n))));
            body.Add(new JsonObject
            {
                ["type"] = "ColumnSet",
                ["columns"] = new JsonArray(
                    Column(WithValue(new JsonObject
                    {
                        ["type"] = "Input.ChoiceSet", ["id"] = ActionOwner(n), ["style"] = "filtered", ["label"] = S.Get(language, "retro.close.owner"),
                        ["choices"] = owners.DeepClone(),
                        // Teams searches the conversation's members as the facilitator types; other clients keep the list.
                        ["choices.data"] = new JsonObject { ["type"] = "Data.Query", ["dataset"] = "graph.microsoft.com/users?scope=currentContext" },
                    }, Typed(ActionOwner(n)))),
                    Column(WithValue(new JsonObject { ["type"] = "Input.Date", ["id"] = ActionDue(n), ["label"] = S.Get(language, "retro.close.due") }, Typed(ActionDue(n))))),
            });
        }
        var actions = new JsonArray(
            Execute(S.Get(language, "retro.button.closeNow"), CommandIds.RetroClose, retro.Id),
            Execute(S.Get(language, "retro.button.back"), CommandIds.RetroView, retro.Id, withInputs: false));
        return Card(body, actions, title);
    }

    /// <summary>What replaces the live card once the retro is closed: the decision, the KPI outcome, what mattered most, the actions.</summary>
    public JsonObject Summary(Retrospective retro, Project project, IReadOnlyList<KpiResult> kpis, DateOnly today, Language language)
    {
        var template = _parts.Template(retro);
        var outcome = retro.Outcome!;
        var decision = S.Get(language, $"retro.decision.{outcome.Decision}");
        var body = _parts.Header(retro, project, language);
        body.Add(Text(S.Format(language, "retro.summary.closed", ("name", MarkdownText.Literal(S.Shown(language, retro.ClosedByName ?? ""))), ("date", language.Date(retro.ClosedAt!.Value)),
            ("items", Number(retro.Items.Count)), ("people", Number(retro.Contributors))), subtle: true, size: "Small"));
        body.Add(Text(S.Format(language, "retro.summary.decision", ("decision", decision)), weight: "Bolder", separator: true, color: "Accent"));
        body.Add(UserText(outcome.Rationale));
        if (outcome.Narrative is { } narrative)
        {
            body.Add(Text(S.Get(language, "retro.summary.narrative"), weight: "Bolder", separator: true));
            body.Add(Text(narrative));
            body.Add(Text(S.Get(language, "retro.summary.aiLabel"), subtle: true, size: "Small"));
        }
        _parts.AddKpis(body, project, retro, kpis, language);
        body.Add(Text(S.Get(language, "retro.summary.top"), weight: "Bolder", separator: true));
        var top = Top(retro);
        if (top.Count == 0) body.Add(Text(S.Get(language, "retro.summary.noItems")));
        foreach (var item in top) _parts.AddItem(body, retro, item, language, live: false);
        _parts.AddPitfalls(body, retro, language);
        body.Add(Text(S.Get(language, "retro.summary.actions"), weight: "Bolder", separator: true));
        if (outcome.Actions.Count == 0) body.Add(Text(S.Get(language, "retro.summary.noActions")));
        // As they stand now: an action marked done since shows so.
        foreach (var action in outcome.Actions) body.Add(ActionLine((project.Actions ?? []).FirstOrDefault(a => a.Id == action.Id) ?? action, today, language));
        if (outcome.Reviewed.Count > 0)
        {
            body.Add(Text(S.Get(language, "retro.summary.reviewed"), weight: "Bolder", separator: true));
            foreach (var review in outcome.Reviewed) body.Add(UserText($"{S.Get(language, $"retro.review.{review.Status}")}: {review.Text}"));
        }
        var buttons = new JsonArray(
            RetroSubmit(S.Get(language, "retro.button.export"), CommandIds.RetroExport, retro.Id),
            Execute(S.Get(language, "retro.button.reopen"), CommandIds.RetroReopen, retro.Id),
            Execute(S.Get(language, "retro.button.delete"), CommandIds.RetroDelete, retro.Id));
        return Card(body, buttons, S.Format(language, "retro.summary.fallback", ("title", template.Title[language]), ("project", project.Name), ("decision", decision)));
    }

    public JsonObject ConfirmDelete(Retrospective retro, Language language)
    {
        var question = S.Format(language, "retro.delete.confirm", ("title", _parts.Template(retro).Title[language]), ("date", language.Date(retro.OpenedAt)));
        var buttons = new JsonArray(
            Execute(S.Get(language, "retro.button.deleteNow"), CommandIds.RetroDeleteConfirmed, retro.Id),
            Execute(S.Get(language, "retro.button.back"), CommandIds.RetroView, retro.Id));
        return Card([Text(question, weight: "Bolder")], buttons, question);
    }

    /// <summary>What replaces every copy of a deleted retro's card.</summary>
    public JsonObject Deleted(Retrospective retro, Language language)
    {
        var said = S.Format(language, "retro.deleted", ("title", _parts.Template(retro).Title[language]));
        return Card([Text(said, subtle: true)], [], said);
    }

    /// <summary>An action as a line: what, who, by when; done, or red when overdue.</summary>
    public JsonObject ActionLine(ProjectAction action, DateOnly today, Language language)
    {
        var details = new List<string>();
        if (action.Owner is { } owner) details.Add(S.Shown(language, owner));
        if (action.Due is { } due) details.Add(S.Format(language, "actions.due", ("date", language.Date(due))));
        if (action.DoneAt is not null) details.Add(S.Get(language, action.Dropped ? "retro.previous.dropped" : "retro.previous.done"));
        else if (action.IsOverdue(today)) details.Add(S.Get(language, "actions.overdue"));
        var line = UserText("• " + string.Join(" · ", [action.Text, .. details]));
        if (action.IsOverdue(today)) ((JsonArray)line["inlines"]!)[0]!["color"] = "Attention";
        return line;
    }

    /// <summary>An input shows what was typed before a refused attempt; an empty value is left out, as Teams prefers.</summary>
    private static JsonObject WithValue(JsonObject input, string? value)
    {
        if (!string.IsNullOrEmpty(value)) input["value"] = value;
        return input;
    }

    private static JsonObject Column(JsonObject item) => new() { ["type"] = "Column", ["width"] = "stretch", ["items"] = new JsonArray(item) };
}
