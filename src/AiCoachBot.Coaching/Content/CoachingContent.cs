using AiCoachBot.Coaching.Coach;
using AiCoachBot.Coaching.Commands;
using AiCoachBot.Coaching.Diagnostics;
using AiCoachBot.Coaching.Flows;
using AiCoachBot.Coaching.Framing;
using AiCoachBot.Coaching.Knowledge;
using AiCoachBot.Coaching.Projects;

namespace AiCoachBot.Coaching.Content;

/// <summary>Everything the content folder holds, loaded and validated once at start-up.</summary>
public sealed record CoachingContent(
    StringCatalog Strings, CardTemplates Cards, CommandCatalog Commands, IReadOnlyList<FlowDefinition> Flows, PhaseCatalog Phases,
    FramingContent Framing, PitfallCatalog Diagnostic, KnowledgeBase Knowledge, CoachPrompts Prompts, Nudges.CoachingTips Tips,
    Retros.RetroTemplates Retros)
{
    /// <summary>Loads and cross-checks all files; throws <see cref="ContentValidationException"/> listing every problem.</summary>
    public static CoachingContent Load(string root, IEnumerable<string> extraFlowDirectories)
    {
        var errors = new ContentErrors();
        if (!Directory.Exists(root))
        {
            errors.Add(root, 0, "the content folder does not exist: set Content:RootPath to the folder that holds strings/, cards/, flows/ and commands.yaml");
            errors.ThrowIfAny();
        }
        var strings = StringCatalog.Load(root, TextKeys.All().Concat(CommandIds.Required.SelectMany(id => new[] { TextKeys.CommandTitle(id), TextKeys.CommandDescription(id) })), errors);
        var stringsReadable = !errors.Any;
        var cards = CardTemplates.Load(root, strings, CardNames.Required, errors, checkTextKeys: stringsReadable);
        var commands = CommandCatalog.Load(root, CommandIds.Required, errors);
        foreach (var command in commands.Commands.Where(_ => stringsReadable))
        {
            foreach (var key in new[] { TextKeys.CommandTitle(command.Id), TextKeys.CommandDescription(command.Id) }.Where(k => !strings.Contains(k)))
                errors.Add("strings/en.yaml", 1, $"'{key}' is missing: commands.yaml defines command '{command.Id}'");
        }
        var folders = new List<(string, string)> { (Path.Combine(root, "flows"), "flows") };
        folders.AddRange(extraFlowDirectories.Select(d => (Path.GetFullPath(d), d)));
        var flows = FlowLoader.Load(folders, errors);
        CheckPhrasesAreUnique(commands, flows, errors);
        var phases = PhaseCatalog.Load(root, errors);
        var framing = FramingContent.Load(root, errors);
        var diagnostic = framing is null ? null : PitfallCatalogLoader.Load(root, framing.Checklist, phases, errors);
        var knowledge = KnowledgeBaseLoader.Load(root, phases, errors);
        if (knowledge is not null && diagnostic is not null) CheckPitfallArticles(diagnostic, knowledge, errors);
        var prompts = CoachPrompts.Load(root, errors);
        var tips = Nudges.CoachingTips.Load(root, phases, errors);
        var retros = AiCoachBot.Coaching.Retros.RetroTemplates.Load(root, phases, errors);
        errors.ThrowIfAny();
        return new CoachingContent(strings, cards, commands, flows, phases, framing!, diagnostic!, knowledge!, prompts!, tips!, retros!);
    }

    private static void CheckPitfallArticles(PitfallCatalog diagnostic, KnowledgeBase knowledge, ContentErrors errors)
    {
        foreach (var pitfall in diagnostic.Pitfalls)
        {
            foreach (var id in pitfall.Articles.Where(a => knowledge.Find(a) is null))
                errors.Add($"{PitfallCatalog.Folder}/pitfalls.yaml", 1, $"pitfall '{pitfall.Id}': article '{id}' is not in {KnowledgeBase.Folder}");
        }
    }

    private static void CheckPhrasesAreUnique(CommandCatalog commands, IReadOnlyList<FlowDefinition> flows, ContentErrors errors)
    {
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        var sources = commands.Commands.Select(c => (File: "commands.yaml", Owner: $"command '{c.Id}'", c.Phrases))
            .Concat(flows.Select(f => (File: f.SourceFile, Owner: $"flow '{f.Id}'", Phrases: f.Triggers)));
        foreach (var (file, owner, phrases) in sources)
        {
            foreach (var phrase in phrases.All.Select(TextNormalizer.Fold))
            {
                if (owners.TryGetValue(phrase, out var first) && first != owner)
                    errors.Add(file, 1, $"the phrase '{phrase}' is used by both {first} and {owner}: a phrase can start one thing only");
                owners.TryAdd(phrase, owner);
            }
        }
    }
}
