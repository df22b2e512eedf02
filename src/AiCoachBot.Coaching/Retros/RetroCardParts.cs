using AiCoachBot.Coaching.Privacy;
using System.Globalization;
using System.Text.Json.Nodes;
using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Localization;
using AiCoachBot.Coaching.Projects;
using static AiCoachBot.Coaching.Content.CardElements;

namespace AiCoachBot.Coaching.Retros;

/// <summary>
/// What the retro's cards share: the header, the KPI results, the earlier actions, the items by column and the
/// pitfalls hit. What members wrote is their text: shown in text runs, never as markdown.
/// </summary>
public sealed class RetroCardParts(CoachingContent content)
{
    public const string RetroField = "retro";
    public const string ItemField = "item";
    /// <summary>How much of an item the live card shows; the summary and the export keep it whole.</summary>
    public const int ShownLength = 120;
    /// <summary>The live card shows this many items, so that it stays within Teams' 28 KB.</summary>
    public const int MaxShownItems = 30;

    private StringCatalog S => content.Strings;

    public static string KindKey(ItemKind kind) => kind switch { ItemKind.Well => "retro.kind.well", ItemKind.NotWell => "retro.kind.notWell", _ => "retro.kind.idea" };

    public RetroTemplate Template(Retrospective retro) => content.Retros.Find(retro.TemplateId) ?? content.Retros.Templates[0];

    public JsonArray Header(Retrospective retro, Project project, Language language) =>
    [
        Text(Template(retro).Title[language], size: "Large", weight: "Bolder"),
        UserText(project.Name, weight: "Bolder"),
    ];

    public void AddKpis(JsonArray body, Project project, Retrospective retro, IReadOnlyList<KpiResult> kpis, Language language)
    {
        body.Add(Text(S.Format(language, "retro.card.kpis", ("date", language.Date(retro.PeriodStart))), weight: "Bolder", separator: true));
        if (project.Channel is null) { body.Add(Text(S.Get(language, "retro.card.noKpis"), size: "Small")); return; }
        foreach (var result in kpis)
            body.Add(Text(KpiLine(result, language), size: "Small", color: result.Last is null ? null : result.TargetMet || result.OnTrack == true ? "Good" : "Warning"));
    }

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

    /// <summary>
    /// The actions earlier retros left: all of the previous retro's (done, dropped, open, overdue), and any still open
    /// from before it, since an action carried over is reviewed again until it is done or dropped.
    /// </summary>
    public static IReadOnlyList<ProjectAction> EarlierActions(Project project, Retrospective retro)
    {
        var previous = project.RetroHistory.LastOrDefault(r => r.Id != retro.Id && r.ClosedAt is not null && r.OpenedAt <= retro.OpenedAt);
        return (project.Actions ?? [])
            .Where(a => RetroStore.IsRetroAction(a) && !a.Source.StartsWith(RetroStore.ActionPrefix(retro.Id), StringComparison.Ordinal))
            .Where(a => a.DoneAt is null || previous is not null && a.Source.StartsWith(RetroStore.ActionPrefix(previous.Id), StringComparison.Ordinal))
            .ToList();
    }

    public void AddEarlierActions(JsonArray body, Project project, Retrospective retro, DateOnly today, Language language)
    {
        var earlier = EarlierActions(project, retro);
        if (earlier.Count == 0) return;
        body.Add(Text(S.Get(language, "retro.card.previous"), weight: "Bolder", separator: true));
        foreach (var action in earlier)
        {
            var status = action.DoneAt is null ? (action.IsOverdue(today) ? "retro.previous.overdue" : "retro.previous.open") : action.Dropped ? "retro.previous.dropped" : "retro.previous.done";
            body.Add(UserText($"{S.Get(language, status)} · {action.Text}{(action.Owner is { } o ? " · " + S.Shown(language, o) : "")}"));
        }
    }

    /// <summary>
    /// The items by column: most voted first when counts are shown, in the order they came otherwise (an order by votes
    /// would tell what the hidden counts hide). On the live card, clipped and at most <see cref="MaxShownItems"/>.
    /// </summary>
    public void AddItems(JsonArray body, Retrospective retro, Language language, bool live)
    {
        body.Add(Text(retro.Items.Count == 0 ? S.Get(language, "retro.card.noContributions")
            : S.Format(language, "retro.card.contributions", ("items", Number(retro.Items.Count)), ("people", Number(retro.Contributors))), weight: "Bolder", separator: true));
        var shown = Ranked(retro).Take(live ? MaxShownItems : retro.Items.Count).ToHashSet();
        foreach (var kind in Enum.GetValues<ItemKind>())
        {
            var items = Ranked(retro).Where(i => i.Kind == kind && shown.Contains(i)).ToList();
            if (items.Count == 0) continue;
            body.Add(Text(S.Get(language, KindKey(kind)), weight: "Bolder", size: "Small"));
            foreach (var item in items) AddItem(body, retro, item, language, live);
        }
        if (retro.Items.Count > shown.Count) body.Add(Text(S.Format(language, "retro.card.moreItems", ("count", Number(retro.Items.Count - shown.Count))), subtle: true, size: "Small"));
        if (!retro.CountsShown && retro.Items.Count > 0) body.Add(Text(S.Get(language, "retro.card.countsHidden"), subtle: true, size: "Small"));
    }

    public void AddItem(JsonArray body, Retrospective retro, RetroItem item, Language language, bool live)
    {
        var text = ItemText(item, language);
        body.Add(UserText("• " + (live ? Clip(text, ShownLength) : text)));
        var meta = new List<string>();
        if (item.AuthorName is { } author) meta.Add(MarkdownText.Literal(S.Shown(language, author)));
        if (retro.CountsShown) meta.Add(S.Format(language, "retro.card.votes", ("count", Number(retro.VotesFor(item.Id)))));
        if (item.Pitfalls.Count > 0 && !live) meta.Add(PitfallNames(item, language));
        if (meta.Count > 0) body.Add(Text(string.Join(" · ", meta), subtle: true, size: "Small"));
    }

    public void AddPitfalls(JsonArray body, Retrospective retro, Language language)
    {
        var hit = PitfallsHit(retro);
        if (hit.Count == 0) return;
        body.Add(Text(S.Get(language, "retro.card.pitfalls"), weight: "Bolder", separator: true));
        foreach (var (id, count) in hit) body.Add(Text("• " + PitfallName(id, language) + (retro.CountsShown ? $" ({Number(count)})" : ""), size: "Small"));
    }

    /// <summary>The items that mattered most: by votes when counts are shown, else in the order they came.</summary>
    public static IReadOnlyList<RetroItem> Top(Retrospective retro, int count = 5) => Ranked(retro).Where(i => i.Text.Length > 0).Take(count).ToList();

    public static IEnumerable<RetroItem> Ranked(Retrospective retro) =>
        retro.CountsShown ? retro.Items.OrderByDescending(i => retro.VotesFor(i.Id)).ThenBy(i => i.At) : retro.Items.OrderBy(i => i.At);

    /// <summary>Each catalogue pitfall named in the retro, with how many items named it.</summary>
    public static IReadOnlyList<(string Id, int Count)> PitfallsHit(Retrospective retro) =>
        retro.Items.SelectMany(i => i.Pitfalls).GroupBy(p => p).Select(g => (g.Key, g.Count())).OrderByDescending(p => p.Item2).ThenBy(p => p.Key).ToList();

    public string PitfallName(string id, Language language) => content.Diagnostic.Find(id)?.Name[language] ?? id;

    public string PitfallNames(RetroItem item, Language language) =>
        S.Format(language, "retro.item.pitfalls", ("names", string.Join(", ", item.Pitfalls.Select(id => PitfallName(id, language)))));

    public string ItemText(RetroItem item, Language language) => item.Text.Length > 0 ? item.Text : S.Get(language, "retro.item.pitfallsOnly");

    public static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)].TrimEnd() + "…";

    public static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    public static JsonArray Choices(IEnumerable<(string Title, string Value)> choices) =>
        new(choices.Select(c => (JsonNode)new JsonObject { ["title"] = c.Title, ["value"] = c.Value }).ToArray());

    public static JsonObject ActionSet(params JsonObject[] actions) => new() { ["type"] = "ActionSet", ["actions"] = new JsonArray(actions) };

    /// <summary>Action.Execute: Teams answers the one who pressed with the card the bot returns, and nobody else.</summary>
    public static JsonObject Execute(string title, string command, string retroId, string? itemId = null, bool withInputs = true)
    {
        var data = new JsonObject { ["command"] = command, [RetroField] = retroId };
        if (itemId is not null) data[ItemField] = itemId;
        var action = new JsonObject { ["type"] = "Action.Execute", ["title"] = title, ["verb"] = command, ["data"] = data };
        // A button that sends no input must not wait for the card's required inputs to be filled.
        if (!withInputs) action["associatedInputs"] = "none";
        return action;
    }

    /// <summary>A button that runs a command on one retro.</summary>
    public static JsonObject RetroSubmit(string title, string command, string retroId)
    {
        var button = Submit(title, command);
        ((JsonObject)button["data"]!)[RetroField] = retroId;
        return button;
    }
}
