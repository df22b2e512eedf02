using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Localization;
using YamlDotNet.RepresentationModel;

namespace AiCoachBot.Coaching.Projects;

public sealed record Phase(string Id, LocalizedText Title);

/// <summary>The phases of <c>phases.yaml</c>, in lifecycle order.</summary>
public sealed class PhaseCatalog(IReadOnlyList<Phase> phases)
{
    public const string File = "phases.yaml";

    public IReadOnlyList<Phase> Phases { get; } = phases;

    public Phase? Find(string? id) => Phases.FirstOrDefault(p => p.Id == id);

    /// <summary>The phase's title; an id no longer in the catalogue is shown as it is.</summary>
    public string Title(string? id, Language language) => Find(id)?.Title[language] ?? id ?? "";

    public static PhaseCatalog Load(string root, ContentErrors errors)
    {
        var phases = new List<Phase>();
        var full = Path.Combine(root, File);
        if (!System.IO.File.Exists(full)) { errors.Add(File, 0, "the file is missing: it lists the phases a project can be in"); return new PhaseCatalog(phases); }
        var file = new YamlFile(File, errors);
        if (YamlFile.Load(full, File, errors) is not { } rootNode) return new PhaseCatalog(phases);
        if (rootNode is not YamlSequenceNode list || list.Children.Count == 0) { file.Error(rootNode, "phases.yaml must be a non-empty list of phases"); return new PhaseCatalog(phases); }
        foreach (var item in list.Children)
        {
            if (file.Mapping(item, "a phase") is not { } map) continue;
            file.Keys(map, "a phase", "id", "title");
            var id = file.String(map, "id", required: true);
            var title = file.Text(map, "title", required: true);
            if (id is null || title is null) continue;
            if (phases.Any(p => p.Id == id)) file.Error(map, $"phase '{id}' is defined twice");
            else phases.Add(new Phase(id, title));
        }
        return new PhaseCatalog(phases);
    }
}
