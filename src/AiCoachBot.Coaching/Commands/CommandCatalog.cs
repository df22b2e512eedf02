using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Localization;
using YamlDotNet.RepresentationModel;

namespace AiCoachBot.Coaching.Commands;

/// <summary>A command; one that <see cref="TakesArgument"/> also reads what follows its phrase ("project Chatbot RH").</summary>
public sealed record CommandDefinition(string Id, LocalizedList Phrases, bool ShowInHelp, bool TakesArgument = false);

/// <summary>The commands of <c>commands.yaml</c>: what users may type, in either language.</summary>
public sealed class CommandCatalog(IReadOnlyList<CommandDefinition> commands)
{
    public IReadOnlyList<CommandDefinition> Commands { get; } = commands;

    public static CommandCatalog Load(string root, IEnumerable<string> requiredIds, ContentErrors errors)
    {
        const string display = "commands.yaml";
        var full = Path.Combine(root, display);
        var commands = new List<CommandDefinition>();
        if (!File.Exists(full)) { errors.Add(display, 0, "the file is missing"); return new CommandCatalog(commands); }
        var file = new YamlFile(display, errors);
        if (YamlFile.Load(full, display, errors) is not { } rootNode) return new CommandCatalog(commands);
        if (rootNode is not YamlSequenceNode list) { file.Error(rootNode, "commands.yaml must be a list of commands"); return new CommandCatalog(commands); }
        foreach (var item in list.Children)
        {
            if (file.Mapping(item, "a command") is not { } map) continue;
            file.Keys(map, "a command", "id", "phrases", "showInHelp", "argument");
            var id = file.String(map, "id", required: true);
            var phrases = file.Phrases(map, "phrases", required: true);
            if (id is null) continue;
            if (commands.Any(c => c.Id == id)) file.Error(map, $"command '{id}' is defined twice");
            commands.Add(new CommandDefinition(id, phrases, file.Bool(map, "showInHelp") ?? true, file.Bool(map, "argument") ?? false));
        }
        foreach (var missing in requiredIds.Where(r => commands.All(c => c.Id != r)))
            errors.Add(display, 1, $"command '{missing}' is missing: the bot needs it");
        return new CommandCatalog(commands);
    }
}
