using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Localization;
using AiCoachBot.Coaching.Rules;
using YamlDotNet.RepresentationModel;

namespace AiCoachBot.Coaching.Flows;

/// <summary>Reads every <c>*.yaml</c> of the flow folders and checks each step makes sense before the bot serves it.</summary>
public static class FlowLoader
{
    private static readonly string[] FlowKeys = ["id", "title", "triggers", "completion", "steps", "lastReviewed"];
    private static readonly string[] StepKeys = ["id", "type", "prompt", "help", "options", "min", "max", "maxLength", "minLabel", "maxLabel", "when", "dimension", "phases"];

    /// <summary>
    /// One flow file on its own (the framing checklist, the diagnostic's questions), checked like any flow.
    /// A step's 'when' may also use <paramref name="knownBefore"/>: questions answered elsewhere first.
    /// </summary>
    public static FlowDefinition? LoadFile(string fullPath, string displayPath, ContentErrors errors, IReadOnlyList<StepDefinition>? knownBefore = null)
    {
        var file = new YamlFile(displayPath, errors);
        return file.Mapping(YamlFile.Load(fullPath, displayPath, errors), "a flow") is { } map ? Read(map, file, knownBefore ?? []) : null;
    }

    public static IReadOnlyList<FlowDefinition> Load(IEnumerable<(string Folder, string DisplayPrefix)> folders, ContentErrors errors)
    {
        var flows = new List<FlowDefinition>();
        foreach (var (folder, prefix) in folders)
        {
            if (!Directory.Exists(folder)) { errors.Add(prefix, 0, $"the flow folder {folder} does not exist"); continue; }
            foreach (var full in Directory.GetFiles(folder, "*.yaml").Order(StringComparer.Ordinal))
            {
                var display = $"{prefix}/{Path.GetFileName(full)}";
                var file = new YamlFile(display, errors);
                if (file.Mapping(YamlFile.Load(full, display, errors), "a flow") is not { } map) continue;
                if (Read(map, file, []) is not { } flow) continue;
                if (flows.FirstOrDefault(f => f.Id == flow.Id) is { } twin) file.Error(map, $"flow id '{flow.Id}' is already used by {twin.SourceFile}");
                else flows.Add(flow);
            }
        }
        return flows;
    }

    private static FlowDefinition? Read(YamlMappingNode map, YamlFile file, IReadOnlyList<StepDefinition> knownBefore)
    {
        file.Keys(map, "a flow", FlowKeys);
        var id = file.String(map, "id", required: true);
        var title = file.Text(map, "title", required: true);
        var triggers = file.Phrases(map, "triggers", required: false);
        var completion = file.Text(map, "completion", required: true);
        var steps = new List<StepDefinition>();
        var stepNodes = file.Sequence(map, "steps", required: true);
        foreach (var node in stepNodes)
        {
            if (file.Mapping(node, "a step") is not { } stepMap) continue;
            if (ReadStep(stepMap, file, [.. knownBefore, .. steps]) is not { } step) continue;
            if (steps.Any(s => s.Id == step.Id)) file.Error(stepMap, $"step id '{step.Id}' is used twice in this flow");
            else if (knownBefore.Any(s => s.Id == step.Id)) file.Error(stepMap, $"step id '{step.Id}' is already a question of the framing checklist: use another id");
            else steps.Add(step);
        }
        if (stepNodes.Count == 0 && YamlFile.Child(map, "steps") is { } emptySteps) file.Error(emptySteps, "a flow needs at least one step");
        return id is null || title is null || completion is null || steps.Count == 0 ? null
            : new FlowDefinition(id, title, triggers, steps, completion, file.Path, file.Date(map, "lastReviewed"));
    }

    private static StepDefinition? ReadStep(YamlMappingNode map, YamlFile file, IReadOnlyList<StepDefinition> earlier)
    {
        file.Keys(map, "a step", StepKeys);
        var id = file.String(map, "id", required: true);
        var typeName = file.String(map, "type", required: true);
        var kind = StepKinds.Parse(typeName);
        if (typeName is not null && kind is null) file.Error(map, $"step type '{typeName}' is not known; use one of: {string.Join(", ", StepKinds.Names)}");
        var prompt = file.Text(map, "prompt", required: true);
        var help = file.Text(map, "help", required: false);
        var min = file.Number(map, "min");
        var max = file.Number(map, "max");
        var maxLength = file.Number(map, "maxLength");
        var options = ReadOptions(map, file, required: kind is StepKind.Choice or StepKind.MultiSelect);

        if (kind is not (StepKind.Choice or StepKind.MultiSelect) && options.Count > 0) file.Error(map, $"'options' only applies to choice and multiselect steps");
        if (kind is StepKind.Choice or StepKind.MultiSelect && options.Count is > 0 and < 2) file.Error(map, "a choice needs at least two options");
        if (min > max) file.Error(map, $"min ({min}) is greater than max ({max})");
        if (kind == StepKind.MultiSelect && max > options.Count) file.Error(map, $"max ({max}) is more than the {options.Count} options");
        if (kind is StepKind.YesNo or StepKind.Date or StepKind.Text or StepKind.Scale && (min is not null || max is not null))
            file.Error(map, $"min and max do not apply to a {typeName} step");
        if (maxLength is not null && (kind != StepKind.Text || maxLength is < 1 or > 4000)) file.Error(map, "maxLength applies to text steps only, from 1 to 4000");

        // A step may depend only on questions asked before it: those are the answers known when it comes up.
        var when = YamlFile.Child(map, "when") is { } whenNode
            ? new ConditionReader(file, q => earlier.FirstOrDefault(s => s.Id == q), " (a step's 'when' may only use questions asked before it)").Read(whenNode)
            : null;

        return id is null || kind is null || prompt is null ? null
            : new StepDefinition(id, kind.Value, prompt, help, options, min, max, (int?)maxLength ?? StepDefinition.DefaultTextLength,
                file.Text(map, "minLabel", required: false), file.Text(map, "maxLabel", required: false), when, file.String(map, "dimension", required: false),
                ReadPhases(map, file));
    }

    /// <summary>Phase ids are checked against phases.yaml by whoever uses them.</summary>
    private static IReadOnlyList<string>? ReadPhases(YamlMappingNode map, YamlFile file)
    {
        if (YamlFile.Child(map, "phases") is null) return null;
        var phases = file.Sequence(map, "phases", required: true).Select(n => (n as YamlScalarNode)?.Value).ToList();
        if (phases.Count == 0 || phases.Any(string.IsNullOrWhiteSpace)) { file.Error(map, "'phases' is a list of phase ids, such as [poc, deployment]"); return null; }
        return phases!;
    }

    private static List<ChoiceOption> ReadOptions(YamlMappingNode map, YamlFile file, bool required)
    {
        var options = new List<ChoiceOption>();
        foreach (var node in file.Sequence(map, "options", required))
        {
            if (file.Mapping(node, "an option") is not { } option) continue;
            file.Keys(option, "an option", "id", "label");
            var id = file.String(option, "id", required: true);
            var label = file.Text(option, "label", required: true);
            if (id is not null && id.Contains(',')) file.Error(option, "an option id cannot contain a comma");
            if (id is not null && options.Any(o => o.Id == id)) file.Error(option, $"option id '{id}' is used twice");
            else if (id is not null && label is not null) options.Add(new ChoiceOption(id, label));
        }
        return options;
    }
}
