using System.Text.Json.Nodes;
using AiCoachBot.Coaching.Commands;
using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Localization;
using static AiCoachBot.Coaching.Content.CardElements;

namespace AiCoachBot.Coaching.Portfolio;

/// <summary>
/// The portfolio as a heat map: a table, one row per project most in need of attention first, each cell coloured by how
/// it stands (green, amber, red). Clients without tables read the same rows as text. Filters by phase and status; stale
/// projects offer their owner to archive them; the whole list goes to CSV.
/// </summary>
public sealed class PortfolioCard(CoachingContent content)
{
    /// <summary>Rows shown; the rest are in the export. Keeps the card well under Teams' 28 KB.</summary>
    public const int MaxRows = 15;
    public const int MaxArchiveOffers = 5;
    public const string PhaseField = "phase";
    public const string StatusField = "status";
    public const string ProjectField = "project";
    private readonly PortfolioText _text = new(content);

    public JsonObject Render(PortfolioScope scope, IReadOnlyList<PortfolioRow> rows, int archived, PortfolioFilter filter, Language language)
    {
        var title = _text.Format(language, "portfolio.title", ("scope", _text.Get(language, $"portfolio.scope.{scope}")));
        var body = new JsonArray { Text(title, size: "Large", weight: "Bolder") };
        body.Add(Text(_text.Format(language, "portfolio.summary",
            ("count", Number(rows.Count)), ("attention", Number(rows.Count(r => r.NeedsAttention))), ("stale", Number(rows.Count(r => r.Stale)))), subtle: true));
        var shown = rows.Where(filter.Keeps).ToList();
        if (rows.Count == 0) body.Add(Text(_text.Get(language, "portfolio.empty")));
        else
        {
            body.Add(Filters(filter, language));
            if (shown.Count == 0) body.Add(Text(_text.Get(language, "portfolio.filter.none")));
            else body.Add(Table(shown.Take(MaxRows).ToList(), language));
            if (shown.Count > MaxRows) body.Add(Text(_text.Format(language, "portfolio.more", ("count", Number(shown.Count - MaxRows))), subtle: true));
        }
        if (archived > 0) body.Add(Text(_text.Format(language, "portfolio.archived", ("count", Number(archived))), subtle: true));
        AddArchiveOffers(body, shown, language);
        var actions = new JsonArray();
        if (rows.Count > 0) actions.Add(Submit(_text.Get(language, "portfolio.filter.apply"), CommandIds.PortfolioFilter));
        actions.Add(Submit(_text.Get(language, "portfolio.export.button"), CommandIds.PortfolioExport));
        return Card(body, actions, title);
    }

    private JsonObject Filters(PortfolioFilter filter, Language language)
    {
        var all = _text.Get(language, "portfolio.filter.all");
        var phases = new JsonArray { Choice(all, "") };
        foreach (var phase in content.Phases.Phases) phases.Add(Choice(phase.Title[language], phase.Id));
        var statuses = new JsonArray { Choice(all, "") };
        foreach (var status in PortfolioFilter.Statuses) statuses.Add(Choice(_text.Get(language, $"portfolio.filter.{status}"), status));
        return new JsonObject
        {
            ["type"] = "ColumnSet",
            ["columns"] = new JsonArray(
                Column(ChoiceSet(PhaseField, _text.Get(language, "portfolio.filter.phase"), phases, filter.Phase)),
                Column(ChoiceSet(StatusField, _text.Get(language, "portfolio.filter.status"), statuses, filter.Status))),
        };
    }

    private JsonObject Table(IReadOnlyList<PortfolioRow> rows, Language language)
    {
        var header = new JsonArray();
        foreach (var column in new[] { "project", "readiness", "kpis", "actions", "pitfall", "retro" })
            header.Add(Cell(_text.Get(language, $"portfolio.column.{column}"), null, bold: true));
        var tableRows = new JsonArray { new JsonObject { ["type"] = "TableRow", ["cells"] = header } };
        foreach (var row in rows)
        {
            var readiness = _text.Readiness(row, language) + (_text.Tier(row, language) is { } tier ? "\n" + _text.Format(language, TextKeys.ScorecardTier, ("tier", tier)) : "");
            var project = new JsonObject
            {
                ["type"] = "TableCell",
                ["items"] = new JsonArray(UserText(row.Project.Name, weight: "Bolder"), Text(_text.Phase(row, language) + (row.Stale ? " · " + _text.Get(language, "portfolio.staleMark") : ""), subtle: true)),
            };
            if (row.Stale) project["style"] = "warning";
            tableRows.Add(new JsonObject
            {
                ["type"] = "TableRow",
                ["cells"] = new JsonArray(
                    project,
                    Cell(readiness, row.Readiness?.Verdict switch { "Ready" => "good", "FixGaps" => "warning", "Rethink" => "attention", _ => null }),
                    Cell(_text.Kpis(row, language), row.Kpis switch { KpiStatus.OnTrack => "good", KpiStatus.OffTrack => "attention", KpiStatus.NoData => "warning", _ => null }),
                    Cell(_text.Actions(row, language), row.OverdueActions > 0 ? "attention" : row.OpenActions > 0 ? "good" : null),
                    Cell(_text.Pitfall(row, language), row.TopPitfall?.Level switch { "High" => "attention", "Medium" => "warning", _ => "good" }),
                    Cell(_text.Retro(row, language), null)),
            });
        }
        var fallback = string.Join("\n\n", rows.Select(r => $"**{MarkdownText.Literal(r.Project.Name)}** ({_text.Phase(r, language)}): {_text.Readiness(r, language)}; "
            + $"{_text.Get(language, "portfolio.column.kpis")}: {_text.Kpis(r, language)}; {_text.Get(language, "portfolio.column.actions")}: {_text.Actions(r, language)}; "
            + $"{_text.Get(language, "portfolio.column.pitfall")}: {_text.Pitfall(r, language)}; {_text.Get(language, "portfolio.column.retro")}: {_text.Retro(r, language)}"));
        return new JsonObject
        {
            ["type"] = "Table",
            ["firstRowAsHeader"] = true,
            ["showGridLines"] = true,
            ["columns"] = new JsonArray([.. new[] { 3, 3, 2, 2, 3, 2 }.Select(w => (JsonNode)new JsonObject { ["width"] = w })]),
            ["rows"] = tableRows,
            ["fallback"] = Text(fallback),
        };
    }

    /// <summary>Stale projects first in the list may be archived by their owner from here (the press checks who it is).</summary>
    private void AddArchiveOffers(JsonArray body, IReadOnlyList<PortfolioRow> shown, Language language)
    {
        var stale = shown.Where(r => r.Stale).Take(MaxArchiveOffers).ToList();
        if (stale.Count == 0) return;
        body.Add(Text(_text.Get(language, "portfolio.stale.heading"), weight: "Bolder", separator: true));
        foreach (var row in stale)
        {
            body.Add(UserText($"• {row.Project.Name}: {_text.Stale(row, language)}"));
            var archive = Submit(_text.Format(language, "portfolio.archive.button", ("project", row.Project.Name)), CommandIds.PortfolioArchive);
            ((JsonObject)archive["data"]!)[ProjectField] = row.Project.Id;
            body.Add(new JsonObject { ["type"] = "ActionSet", ["actions"] = new JsonArray(archive) });
        }
    }

    private static JsonObject Cell(string text, string? style, bool bold = false)
    {
        var block = Text(text);
        block["size"] = "Small";
        if (bold) block["weight"] = "Bolder";
        var cell = new JsonObject { ["type"] = "TableCell", ["items"] = new JsonArray(block) };
        if (style is not null) cell["style"] = style;
        return cell;
    }

    private static JsonObject Column(JsonObject item) => new() { ["type"] = "Column", ["width"] = "stretch", ["items"] = new JsonArray(item) };

    private static JsonObject ChoiceSet(string id, string label, JsonArray choices, string? value)
    {
        var set = new JsonObject { ["type"] = "Input.ChoiceSet", ["id"] = id, ["label"] = label, ["style"] = "compact", ["choices"] = choices };
        set["value"] = value ?? "";
        return set;
    }

    private static JsonObject Choice(string title, string value) => new() { ["title"] = title, ["value"] = value };

    private static string Number(int value) => PortfolioText.Number(value);
}
