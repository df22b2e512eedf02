using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Flows;

namespace AiCoachBot.Coaching.Framing;

/// <summary>The framing checklist and the rules that score it, from <c>content/framing/</c>.</summary>
public sealed record FramingContent(FlowDefinition Checklist, RuleSet Rules)
{
    public const string Folder = "framing";

    public static FramingContent? Load(string contentRoot, ContentErrors errors)
    {
        var folder = Path.Combine(contentRoot, Folder);
        var checklistPath = Path.Combine(folder, "checklist.yaml");
        if (!File.Exists(checklistPath)) { errors.Add($"{Folder}/checklist.yaml", 0, "the file is missing"); return null; }
        var checklist = FlowLoader.LoadFile(checklistPath, $"{Folder}/checklist.yaml", errors);
        if (checklist is null) return null;
        var rules = RuleSetLoader.Load(folder, Folder, checklist, errors);
        return rules is null ? null : new FramingContent(checklist, rules);
    }
}
