using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Localization;
using AiCoachBot.Coaching.Projects;

namespace AiCoachBot.Coaching.Retros;

/// <summary>The retrospective templates and the votes each member has (content/retro/templates.yaml).</summary>
public sealed record RetroTemplates(IReadOnlyList<RetroTemplate> Templates, int VotesPerMember)
{
    public const string File = "retro/templates.yaml";

    public RetroTemplate? Find(string? id) => Templates.FirstOrDefault(t => t.Id == id);

    /// <summary>The template that closes the project's current phase, or the first one.</summary>
    public RetroTemplate ForPhase(string phase) => Templates.FirstOrDefault(t => t.Phase == phase) ?? Templates[0];

    private static readonly Dictionary<string, ItemKind> Columns = new() { ["well"] = ItemKind.Well, ["notWell"] = ItemKind.NotWell, ["idea"] = ItemKind.Idea };

    public static RetroTemplates? Load(string root, PhaseCatalog phases, ContentErrors errors)
    {
        var path = Path.Combine(root, File);
        if (!System.IO.File.Exists(path)) { errors.Add(File, 0, "the file is missing: it holds the retrospective templates"); return null; }
        var file = new YamlFile(File, errors);
        if (file.Mapping(YamlFile.Load(path, File, errors), "the templates file") is not { } map) return null;
        file.Keys(map, "the templates file", "lastReviewed", "votesPerMember", "templates");
        if (file.Date(map, "lastReviewed") is null && YamlFile.Child(map, "lastReviewed") is null) file.Error(map, "'lastReviewed: YYYY-MM-DD' is required");
        var votes = file.Number(map, "votesPerMember") ?? 3;
        if (votes is < 1 or > 10 || votes != decimal.Truncate(votes)) { file.Error(map, "'votesPerMember' must be a whole number from 1 to 10"); votes = 3; }
        var templates = new List<RetroTemplate>();
        foreach (var node in file.Sequence(map, "templates", required: true))
        {
            if (file.Mapping(node, "a template") is not { } entry) continue;
            file.Keys(entry, "a template", "id", "phase", "decision", "title", "intro", "prompts", "questions");
            var id = file.String(entry, "id", required: true);
            if (id is not null && templates.Any(t => t.Id == id)) file.Error(entry, $"template '{id}' is defined twice");
            var phase = file.String(entry, "phase", required: false);
            if (phase is not null && phases.Find(phase) is null) file.Error(entry, $"phase '{phase}' is not one of: {string.Join(", ", phases.Phases.Select(p => p.Id))}");
            var decision = file.String(entry, "decision", required: true) switch
            {
                "poc" => DecisionKind.Poc,
                "phase" => DecisionKind.Phase,
                var other => Invalid(file, entry, other),
            };
            var title = file.Text(entry, "title", required: true);
            var intro = file.Text(entry, "intro", required: true);
            var prompts = new Dictionary<ItemKind, LocalizedText>();
            if (file.Mapping(YamlFile.Child(entry, "prompts"), "'prompts'") is { } promptMap)
            {
                file.Keys(promptMap, "'prompts'", [.. Columns.Keys]);
                foreach (var (key, kind) in Columns)
                {
                    if (file.Text(promptMap, key, required: true) is { } text) prompts[kind] = text;
                }
            }
            var questions = new List<LocalizedText>();
            foreach (var question in file.Sequence(entry, "questions", required: true))
            {
                if (file.Mapping(question, "a question") is not { } q) continue;
                file.Keys(q, "a question", "en", "fr");
                var en = file.String(q, "en", required: true);
                var fr = file.String(q, "fr", required: true);
                if (en is not null && fr is not null) questions.Add(new LocalizedText(en, fr));
            }
            if (questions.Count is < 1 or > 6) file.Error(entry, $"template '{id}': give 1 to 6 questions");
            if (id is not null && decision is { } d && title is not null && intro is not null && prompts.Count == Columns.Count)
                templates.Add(new RetroTemplate(id, phase, d, title, intro, prompts, questions));
        }
        foreach (var phase in phases.Phases.Where(p => templates.All(t => t.Phase != p.Id)))
            errors.Add(File, 1, $"no template closes the phase '{phase.Id}': every phase needs one");
        return templates.Count == 0 ? null : new RetroTemplates(templates, (int)votes);
    }

    private static DecisionKind? Invalid(YamlFile file, YamlDotNet.RepresentationModel.YamlMappingNode entry, string? value)
    {
        file.Error(entry, $"decision '{value}' is not one of: poc (deploy / pivot / abandon), phase (continue / adjust / stop)");
        return null;
    }
}
