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
        // The AI Act and GDPR wording ages: the files must say when they were last checked.
        if (checklist.LastReviewed is null) errors.Add(checklist.SourceFile, 1, "'lastReviewed: YYYY-MM-DD' is required: the date this checklist was last reviewed");
        var rules = RuleSetLoader.Load(folder, Folder, checklist, errors);
        if (rules is { LastReviewed: null }) errors.Add($"{Folder}/rules.yaml", 1, "'lastReviewed: YYYY-MM-DD' is required: the date these rules were last reviewed");
        return rules is null ? null : new FramingContent(checklist, rules);
    }
}
