using System.Globalization;
using System.Text.Json.Nodes;
using AiCoachBot.Coaching.Commands;
using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Localization;
using AiCoachBot.Coaching.Projects;
using static AiCoachBot.Coaching.Content.CardElements;

namespace AiCoachBot.Coaching.Retros;

/// <summary>
/// The retro's cards: the start form, the live card everyone in the channel shares, each member's own view (their
/// items and votes, shown to them only), the facilitator's closing form, and the summary that replaces the live card.
/// What members wrote is their text: shown in text runs, never as markdown.
/// </summary>
public sealed class RetroCards(CoachingContent content)
{
    public const string RetroField = "retro";
    public const string ItemField = "item";
    public const string KindInput = "kind";
    public const string TextInput = "text";
    public const string PitfallsInput = "pitfalls";
    public const string VotesInput = "votes";
    public const string TemplateInput = "template";
    public const string DeadlineInput = "deadline";
    public const string AnonymousInput = "anonymous";
    public const string DecisionInput = "decision";
    public const string RationaleInput = "rationale";
    public const string EditPrefix = "text.";
    public const string ReviewPrefix = "review.";
    public static string ActionText(int n) => $"action.{n}.text";
    public static string ActionOwner(int n) => $"action.{n}.owner";
    public static string ActionDue(int n) => $"action.{n}.due";
    /// <summary>How much of an item the live card and the vote list show; the export keeps it whole.</summary>
    public const int ShownLength = 120;
    /// <summary>The live card shows this many items (most voted, then oldest), so that it stays within Teams' 28 KB.</summary>
    public const int MaxShownItems = 30;

    private StringCatalog S => content.Strings;

    public static string KindKey(ItemKind kind) => kind switch { ItemKind.Well => "retro.kind.well", ItemKind.NotWell => "retro.kind.notWell", _ => "retro.kind.idea" };

    public JsonObject Start(IReadOnlyList<Project> projects, Project selected, Language language, string? error = null)
    {
        var template = content.Retros.ForPhase(selected.Phase);
        var body = new JsonArray
        {
            Text(S.Get(language, "retro.start.title"), size: "Large", weight: "Bolder"),
            Text(S.Get(language, "retro.start.intro")),
        };
        if (error is not null) body.Add(Text(error, color: "Attention"));
        body.Add(new JsonObject
        {
            ["type"] = "Input.ChoiceSet", ["id"] = ProjectCards.ProjectInput, ["style"] = "compact", ["isRequired"] = true,
            ["label"] = S.Get(language, "retro.start.project"), ["value"] = selected.Id,
            ["choices"] = Choices(projects.Select(p => (p.Name, p.Id))),
        });
        body.Add(new JsonObject
        {
            ["type"] = "Input.ChoiceSet", ["id"] = TemplateInput, ["style"] = "expanded", ["isRequired"] = true,
            ["label"] = S.Get(language, "retro.start.template"), ["value"] = template.Id,
            ["choices"] = Choices(content.Retros.Templates.Select(t => (t.Title[language], t.Id))),
        });
        body.Add(new JsonObject { ["type"] = "Input.Date", ["id"] = DeadlineInput, ["label"] = S.Get(language, "retro.start.deadline") });
        body.Add(new JsonObject
        {
            ["type"] = "Input.Toggle", ["id"] = AnonymousInput, ["title"] = S.Get(language, "retro.start.anonymous"),
            ["value"] = "false", ["valueOn"] = "true", ["valueOff"] = "false",
        });
        var open = Submit(S.Get(language, "retro.start.open"), CommandIds.RetroOpen);
        return Card(body, new JsonArray(open), S.Get(language, "retro.start.title"));
    }

    /// <summary>The card the whole channel shares while the retro is open.</summary>
    public JsonObject Live(Retrospective retro, Project project, IReadOnlyList<KpiResult> kpis, DateTimeOffset now, Language language)
    {
        var template = Template(retro);
        var body = Header(retro, project, template, language);
        body.Add(Text(S.Format(language, "retro.card.meta", ("name", MarkdownText.Literal(retro.FacilitatorName)), ("date", language.Date(retro.OpenedAt))), subtle: true, size: "Small"));
        body.Add(Text(retro.Deadline is { } deadline
            ? S.Format(language, retro.Deadline < now ? "retro.card.deadlinePassed" : "retro.card.deadline", ("date", language.Date(deadline)))
            : S.Get(language, "retro.card.noDeadline"), subtle: true, size: "Small"));
        body.Add(Text(S.Get(language, retro.Anonymous ? "retro.card.anonymous" : "retro.card.named"), size: "Small", color: retro.Anonymous ? "Good" : null));
        body.Add(Text(template.Intro[language]));
        AddKpis(body, project, retro, kpis, language);
        AddPreviousActions(body, project, retro, language);
        body.Add(Text(S.Get(language, "retro.card.questions"), weight: "Bolder", separator: true));
        foreach (var question in template.Questions) body.Add(Text("• " + question[language], size: "Small"));
        AddItems(body, retro, language, limitText: true);
        AddPitfalls(body, retro, language);

        var actions = new JsonArray();
        if (retro.Deadline is null || retro.Deadline >= now)
        {
            body.Add(Text(S.Get(language, "retro.card.add"), weight: "Bolder", separator: true));
            foreach (var kind in Enum.GetValues<ItemKind>())
                body.Add(Text($"**{S.Get(language, KindKey(kind))}**: {template.Prompts[kind][language]}", size: "Small"));
            body.Add(new JsonObject
            {
                ["type"] = "Input.ChoiceSet", ["id"] = KindInput, ["style"] = "expanded", ["value"] = nameof(ItemKind.Well),
                ["label"] = S.Get(language, "retro.form.kind"),
                ["choices"] = Choices(Enum.GetValues<ItemKind>().Select(k => (S.Get(language, KindKey(k)), k.ToString()))),
            });
            body.Add(new JsonObject
            {
                ["type"] = "Input.Text", ["id"] = TextInput, ["isMultiline"] = true, ["maxLength"] = Retrospective.MaxItemLength,
                ["label"] = S.Get(language, "retro.form.text"), ["placeholder"] = S.Get(language, "retro.form.placeholder"),
            });
            body.Add(new JsonObject
            {
                ["type"] = "Input.ChoiceSet", ["id"] = PitfallsInput, ["style"] = "compact", ["isMultiSelect"] = true,
                ["label"] = S.Get(language, "retro.form.pitfalls"),
                ["choices"] = Choices(content.Diagnostic.Pitfalls.Select(p => (p.Name[language], p.Id))),
            });
            actions.Add(Execute(S.Get(language, "retro.button.add"), CommandIds.RetroAdd, retro.Id));
        }
        actions.Add(Execute(S.Get(language, "retro.button.yours"), CommandIds.RetroYours, retro.Id));
        actions.Add(Execute(S.Get(language, "retro.button.close"), CommandIds.RetroCloseForm, retro.Id));
        return Card(body, actions, S.Format(language, "retro.card.title", ("title", template.Title[language]), ("project", project.Name)));
    }

    /// <summary>A member's own view: the votes they gave and the items they wrote, to change until the retro closes.</summary>
    public JsonObject Yours(Retrospective retro, IReadOnlyList<RetroItem> mine, IReadOnlyList<string> myVotes, Language language, string? status = null)
    {
        var template = Template(retro);
        var votes = content.Retros.VotesPerMember;
        var body = new JsonArray { Text(S.Format(language, "retro.yours.title", ("title", template.Title[language])), size: "Large", weight: "Bolder") };
        if (status is not null) body.Add(Text(status, color: "Good"));
        body.Add(Text(S.Get(language, "retro.yours.private"), subtle: true, size: "Small"));
        body.Add(Text(S.Format(language, "retro.yours.votes", ("max", Number(votes)), ("used", Number(myVotes.Count))), weight: "Bolder", separator: true));
        if (retro.Items.Count == 0) body.Add(Text(S.Get(language, "retro.yours.nothingToVote")));
        else
        {
            body.Add(new JsonObject
            {
                ["type"] = "Input.ChoiceSet", ["id"] = VotesInput, ["style"] = "expanded", ["isMultiSelect"] = true,
                ["label"] = S.Format(language, "retro.yours.votesLabel", ("max", Number(votes))), ["value"] = string.Join(",", myVotes),
                ["choices"] = Choices(retro.Items.Select(i => ($"{S.Get(language, KindKey(i.Kind))}: {Clip(ItemText(i, language), 60)}", i.Id))),
            });
            body.Add(ActionSet(Execute(S.Get(language, "retro.button.saveVotes"), CommandIds.RetroVotes, retro.Id)));
        }
        body.Add(Text(S.Get(language, "retro.yours.items"), weight: "Bolder", separator: true));
        if (mine.Count == 0) body.Add(Text(S.Get(language, "retro.yours.none")));
        foreach (var item in mine)
        {
            body.Add(Text(S.Get(language, KindKey(item.Kind)) + Pitfalls(item, language), subtle: true, size: "Small"));
            body.Add(new JsonObject { ["type"] = "Input.Text", ["id"] = EditPrefix + item.Id, ["isMultiline"] = true, ["maxLength"] = Retrospective.MaxItemLength, ["value"] = item.Text, ["label"] = S.Get(language, "retro.form.text") });
            body.Add(ActionSet(
                Execute(S.Get(language, "retro.button.save"), CommandIds.RetroEdit, retro.Id, item.Id),
                Execute(S.Get(language, "retro.button.withdraw"), CommandIds.RetroRemove, retro.Id, item.Id)));
        }
        return Card(body, new JsonArray(Execute(S.Get(language, "retro.button.back"), CommandIds.RetroView, retro.Id)), S.Format(language, "retro.yours.title", ("title", template.Title[language])));
    }

    /// <summary>The facilitator's closing form: the decision and why, the previous actions' fate, and the new actions with an owner and a due date.</summary>
    public JsonObject CloseForm(Retrospective retro, Project project, IReadOnlyList<ProjectAction> previousOpen, IReadOnlyList<(string Id, string Name)> members,
        Language language, IReadOnlyList<string>? problems = null, JsonObject? typed = null)
    {
        var template = Template(retro);
        string? Typed(string id) => CardValues.Text(typed?[id], CardValues.MaxInputLength);
        var body = new JsonArray { Text(S.Format(language, "retro.close.title", ("title", template.Title[language])), size: "Large", weight: "Bolder") };
        body.Add(UserText(project.Name, weight: "Bolder"));
        foreach (var problem in problems ?? []) body.Add(Text(problem, color: "Attention"));
        var decisions = RetroTemplate.Decisions(template.Decision);
        body.Add(new JsonObject
        {
            ["type"] = "Input.ChoiceSet", ["id"] = DecisionInput, ["style"] = "expanded", ["isRequired"] = true,
            ["label"] = S.Get(language, template.Decision == DecisionKind.Poc ? "retro.close.decisionPoc" : "retro.close.decisionPhase"),
            ["value"] = Typed(DecisionInput) ?? "",
            ["choices"] = Choices(decisions.Select(d => (S.Get(language, $"retro.decision.{d}"), d))),
        });
        body.Add(new JsonObject
        {
            ["type"] = "Input.Text", ["id"] = RationaleInput, ["isMultiline"] = true, ["isRequired"] = true, ["maxLength"] = Retrospective.MaxRationaleLength,
            ["label"] = S.Get(language, "retro.close.rationale"), ["value"] = Typed(RationaleInput) ?? "",
        });
        if (previousOpen.Count > 0)
        {
            body.Add(Text(S.Get(language, "retro.close.previous"), weight: "Bolder", separator: true));
            foreach (var action in previousOpen)
            {
                body.Add(UserText("• " + action.Text));
                body.Add(new JsonObject
                {
                    ["type"] = "Input.ChoiceSet", ["id"] = ReviewPrefix + action.Id, ["style"] = "compact",
                    ["value"] = Typed(ReviewPrefix + action.Id) ?? ReviewStatus.Carried,
                    ["choices"] = Choices(ReviewStatus.All.Select(s => (S.Get(language, $"retro.review.{s}"), s))),
                });
            }
        }
        body.Add(Text(S.Format(language, "retro.close.actions", ("max", Number(Retrospective.MaxActions))), weight: "Bolder", separator: true));
        var owners = Choices(members.Select(m => (m.Name, m.Id)));
        for (var n = 1; n <= Retrospective.MaxActions; n++)
        {
            body.Add(new JsonObject { ["type"] = "Input.Text", ["id"] = ActionText(n), ["maxLength"] = ProjectStore.MaxActionLength, ["label"] = S.Format(language, "retro.close.action", ("n", Number(n))), ["value"] = Typed(ActionText(n)) ?? "" });
            body.Add(new JsonObject
            {
                ["type"] = "ColumnSet",
                ["columns"] = new JsonArray(
                    Column(new JsonObject { ["type"] = "Input.ChoiceSet", ["id"] = ActionOwner(n), ["style"] = "filtered", ["placeholder"] = S.Get(language, "retro.close.owner"), ["value"] = Typed(ActionOwner(n)) ?? "", ["choices"] = owners.DeepClone() }),
                    Column(new JsonObject { ["type"] = "Input.Date", ["id"] = ActionDue(n), ["value"] = Typed(ActionDue(n)) ?? "" })),
            });
        }
        var actions = new JsonArray(
            Execute(S.Get(language, "retro.button.closeNow"), CommandIds.RetroClose, retro.Id),
            Execute(S.Get(language, "retro.button.back"), CommandIds.RetroView, retro.Id));
        return Card(body, actions, S.Format(language, "retro.close.title", ("title", template.Title[language])));
    }

    /// <summary>What replaces the live card once the retro is closed: the decision, the KPI outcome, what mattered most, the actions.</summary>
    public JsonObject Summary(Retrospective retro, Project project, IReadOnlyList<KpiResult> kpis, Language language)
    {
        var template = Template(retro);
        var outcome = retro.Outcome!;
        var body = Header(retro, project, template, language);
        body.Add(Text(S.Format(language, "retro.summary.closed", ("name", MarkdownText.Literal(retro.ClosedByName ?? "")), ("date", language.Date(retro.ClosedAt!.Value)),
            ("items", Number(retro.Items.Count)), ("people", Number(retro.Contributors))), subtle: true, size: "Small"));
        body.Add(Text(S.Format(language, "retro.summary.decision", ("decision", S.Get(language, $"retro.decision.{outcome.Decision}"))), weight: "Bolder", separator: true, color: "Accent"));
        body.Add(UserText(outcome.Rationale));
        if (outcome.Narrative is { } narrative)
        {
            body.Add(Text(S.Get(language, "retro.summary.narrative"), weight: "Bolder", separator: true));
            body.Add(Text(narrative));
            body.Add(Text(S.Get(language, "retro.summary.aiLabel"), subtle: true, size: "Small"));
        }
        AddKpis(body, project, retro, kpis, language);
        var top = Top(retro);
        body.Add(Text(S.Get(language, "retro.summary.top"), weight: "Bolder", separator: true));
        if (top.Count == 0) body.Add(Text(S.Get(language, "retro.summary.noItems")));
        foreach (var item in top) AddItem(body, retro, item, language, limitText: false);
        AddPitfalls(body, retro, language);
        body.Add(Text(S.Get(language, "retro.summary.actions"), weight: "Bolder", separator: true));
        var created = (project.Actions ?? []).Where(a => outcome.ActionIds.Contains(a.Id)).ToList();
        if (created.Count == 0) body.Add(Text(S.Get(language, "retro.summary.noActions")));
        foreach (var action in created) body.Add(ActionLine(action, language));
        if (outcome.Reviewed.Count > 0)
        {
            body.Add(Text(S.Get(language, "retro.summary.reviewed"), weight: "Bolder", separator: true));
            foreach (var review in outcome.Reviewed)
                body.Add(UserText($"{S.Get(language, $"retro.review.{review.Status}")}: {review.Text}"));
        }
        var buttons = new JsonArray(
            Submit(S.Get(language, "retro.button.export"), CommandIds.RetroExport, retro.Id),
            Execute(S.Get(language, "retro.button.reopen"), CommandIds.RetroReopen, retro.Id),
            Execute(S.Get(language, "retro.button.delete"), CommandIds.RetroDelete, retro.Id));
        return Card(body, buttons, S.Format(language, "retro.summary.fallback", ("title", template.Title[language]), ("project", project.Name),
            ("decision", S.Get(language, $"retro.decision.{outcome.Decision}"))));
    }

    public JsonObject ConfirmDelete(Retrospective retro, Language language)
    {
        var body = new JsonArray { Text(S.Format(language, "retro.delete.confirm", ("title", Template(retro).Title[language]), ("date", language.Date(retro.OpenedAt))), weight: "Bolder") };
        var buttons = new JsonArray(
            Execute(S.Get(language, "retro.button.deleteNow"), CommandIds.RetroDeleteConfirmed, retro.Id),
            Execute(S.Get(language, "retro.button.back"), CommandIds.RetroView, retro.Id));
        return Card(body, buttons, S.Get(language, "retro.button.delete"));
    }

    /// <summary>An action as a line: what, who, by when; red when overdue.</summary>
    public JsonObject ActionLine(ProjectAction action, Language language, DateOnly? today = null)
    {
        var who = action.Owner is { } owner ? " · " + owner : "";
        var due = action.Due is { } d ? " · " + S.Format(language, "actions.due", ("date", language.Date(d))) : "";
        var late = today is { } t && action.IsOverdue(t) ? " · " + S.Get(language, "actions.overdue") : "";
        var block = UserText("• " + action.Text + who + due + late);
        if (late.Length > 0) ((JsonArray)block["inlines"]!)[0]!["color"] = "Attention";
        return block;
    }

    /// <summary>The items with the most votes first (then the earliest), for the summary and the export.</summary>
    public static IReadOnlyList<RetroItem> Top(Retrospective retro, int count = 5) =>
        retro.Items.Where(i => i.Text.Length > 0).OrderByDescending(i => retro.VotesFor(i.Id)).ThenBy(i => i.At).Take(count).ToList();

    /// <summary>Each catalogue pitfall named in the retro, with how many items named it.</summary>
    public static IReadOnlyList<(string Id, int Count)> PitfallsHit(Retrospective retro) =>
        retro.Items.SelectMany(i => i.Pitfalls).GroupBy(p => p).Select(g => (g.Key, g.Count())).OrderByDescending(p => p.Item2).ThenBy(p => p.Key).ToList();

    public RetroTemplate Template(Retrospective retro) => content.Retros.Find(retro.TemplateId) ?? content.Retros.Templates[0];

    public string KpiLine(KpiResult result, Language language)
    {
        var args = new Dictionary<string, string>
        {
            ["name"] = MarkdownText.Literal(result.Kpi.Name),
            ["unit"] = Nudges.KpiText.Unit(result.Kpi),
            ["target"] = language.Number(result.Kpi.Target),
            ["baseline"] = language.Number(result.Kpi.Baseline),
        };
        if (result.Last is not { } last) return S.Format(language, "retro.kpi.none", args);
        args["first"] = language.Number(result.First!.Value);
        args["last"] = language.Number(last);
        args["week"] = result.LastWeek!;
        args["weeks"] = Number(result.Weeks);
        args["status"] = S.Get(language, result.TargetMet ? "retro.kpi.met" : result.OnTrack == true ? "retro.kpi.onTrack" : "retro.kpi.behind");
        return S.Format(language, "retro.kpi.line", args);
    }

    private JsonArray Header(Retrospective retro, Project project, RetroTemplate template, Language language) =>
    [
        Text(template.Title[language], size: "Large", weight: "Bolder"),
        UserText(project.Name, weight: "Bolder"),
    ];

    private void AddKpis(JsonArray body, Project project, Retrospective retro, IReadOnlyList<KpiResult> kpis, Language language)
    {
        body.Add(Text(S.Format(language, "retro.card.kpis", ("date", language.Date(retro.PeriodStart))), weight: "Bolder", separator: true));
        if (project.Channel is null) { body.Add(Text(S.Get(language, "retro.card.noKpis"), size: "Small")); return; }
        foreach (var result in kpis)
            body.Add(Text(KpiLine(result, language), size: "Small", color: result.Last is null ? null : result.TargetMet || result.OnTrack == true ? "Good" : "Warning"));
    }

    private void AddPreviousActions(JsonArray body, Project project, Retrospective retro, Language language)
    {
        var previous = PreviousRetroActions(project, retro);
        if (previous.Count == 0) return;
        body.Add(Text(S.Get(language, "retro.card.previous"), weight: "Bolder", separator: true));
        var today = DateOnly.FromDateTime(retro.OpenedAt.UtcDateTime);
        foreach (var action in previous)
        {
            var status = action.DoneAt is null ? (action.IsOverdue(today) ? "retro.previous.overdue" : "retro.previous.open") : action.Dropped ? "retro.previous.dropped" : "retro.previous.done";
            body.Add(UserText($"{S.Get(language, status)} · {action.Text}{(action.Owner is { } o ? " · " + o : "")}"));
        }
    }

    /// <summary>The actions the project's previous retro created: the first thing every retro reviews.</summary>
    public static IReadOnlyList<ProjectAction> PreviousRetroActions(Project project, Retrospective retro)
    {
        var previous = project.RetroHistory.LastOrDefault(r => r.Id != retro.Id && r.ClosedAt is not null && r.OpenedAt <= retro.OpenedAt);
        return previous is null ? [] : (project.Actions ?? []).Where(a => a.Source.StartsWith(RetroStore.ActionPrefix(previous.Id), StringComparison.Ordinal)).ToList();
    }

    /// <summary>The items by column; on the live card clipped, at most <see cref="MaxShownItems"/>, their pitfalls counted below instead.</summary>
    private void AddItems(JsonArray body, Retrospective retro, Language language, bool limitText)
    {
        body.Add(Text(retro.Items.Count == 0 ? S.Get(language, "retro.card.noContributions")
            : S.Format(language, "retro.card.contributions", ("items", Number(retro.Items.Count)), ("people", Number(retro.Contributors))), weight: "Bolder", separator: true));
        var shown = retro.Items.OrderByDescending(i => retro.VotesFor(i.Id)).ThenBy(i => i.At).Take(MaxShownItems).ToHashSet();
        foreach (var kind in Enum.GetValues<ItemKind>())
        {
            var items = retro.Items.Where(i => i.Kind == kind && shown.Contains(i)).ToList();
            if (items.Count == 0) continue;
            body.Add(Text(S.Get(language, KindKey(kind)), weight: "Bolder", size: "Small"));
            foreach (var item in items) AddItem(body, retro, item, language, limitText);
        }
        if (retro.Items.Count > shown.Count) body.Add(Text(S.Format(language, "retro.card.moreItems", ("count", Number(retro.Items.Count - shown.Count))), subtle: true, size: "Small"));
        if (!retro.CountsShown && retro.Items.Count > 0) body.Add(Text(S.Get(language, "retro.card.countsHidden"), subtle: true, size: "Small"));
    }

    private void AddItem(JsonArray body, Retrospective retro, RetroItem item, Language language, bool limitText)
    {
        var text = ItemText(item, language);
        body.Add(UserText("• " + (limitText ? Clip(text, ShownLength) : text)));
        var meta = new List<string>();
        if (item.AuthorName is { } author) meta.Add(MarkdownText.Literal(author));
        if (retro.CountsShown) meta.Add(S.Format(language, "retro.card.votes", ("count", Number(retro.VotesFor(item.Id)))));
        if (item.Pitfalls.Count > 0 && !limitText) meta.Add(Pitfalls(item, language).TrimStart(' ', '·'));
        if (meta.Count > 0) body.Add(Text(string.Join(" · ", meta), subtle: true, size: "Small"));
    }

    private void AddPitfalls(JsonArray body, Retrospective retro, Language language)
    {
        var hit = PitfallsHit(retro);
        if (hit.Count == 0) return;
        body.Add(Text(S.Get(language, "retro.card.pitfalls"), weight: "Bolder", separator: true));
        foreach (var (id, count) in hit)
        {
            var name = content.Diagnostic.Pitfalls.FirstOrDefault(p => p.Id == id)?.Name[language] ?? id;
            body.Add(Text("• " + name + (retro.CountsShown ? $" ({Number(count)})" : ""), size: "Small"));
        }
    }

    private string ItemText(RetroItem item, Language language) => item.Text.Length > 0 ? item.Text : S.Get(language, "retro.item.pitfallsOnly");

    private string Pitfalls(RetroItem item, Language language) =>
        item.Pitfalls.Count == 0 ? "" : " · " + S.Format(language, "retro.item.pitfalls",
            ("names", string.Join(", ", item.Pitfalls.Select(id => content.Diagnostic.Pitfalls.FirstOrDefault(p => p.Id == id)?.Name[language] ?? id))));

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)].TrimEnd() + "…";

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static JsonArray Choices(IEnumerable<(string Title, string Value)> choices) =>
        new(choices.Select(c => (JsonNode)new JsonObject { ["title"] = c.Title, ["value"] = c.Value }).ToArray());

    private static JsonObject Column(JsonObject item) => new() { ["type"] = "Column", ["width"] = "stretch", ["items"] = new JsonArray(item) };

    private static JsonObject ActionSet(params JsonObject[] actions) => new() { ["type"] = "ActionSet", ["actions"] = new JsonArray(actions) };

    /// <summary>Action.Execute: Teams answers the one who pressed with the card the bot returns, and nobody else.</summary>
    public static JsonObject Execute(string title, string command, string retroId, string? itemId = null)
    {
        var data = new JsonObject { ["command"] = command, [RetroField] = retroId };
        if (itemId is not null) data[ItemField] = itemId;
        return new JsonObject { ["type"] = "Action.Execute", ["title"] = title, ["verb"] = command, ["data"] = data };
    }

    private static JsonObject Submit(string title, string command, string? retroId = null)
    {
        var data = new JsonObject { ["command"] = command };
        if (retroId is not null) data[RetroField] = retroId;
        return new JsonObject { ["type"] = "Action.Submit", ["title"] = title, ["data"] = data };
    }
}
