using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Localization;
using YamlDotNet.RepresentationModel;

namespace AiCoachBot.Coaching.Rules;

/// <summary>What every rule of every rule file has: an id, a rationale in both languages, its source and its condition.</summary>
public sealed record RuleBasics(string Id, LocalizedText Rationale, string Source, Condition When)
{
    /// <summary>Reads them, reporting each one missing; null when any is missing or wrong.</summary>
    public static RuleBasics? Read(YamlMappingNode map, YamlFile file, ConditionReader conditions)
    {
        var id = file.String(map, "id", required: true);
        var rationale = file.Text(map, "rationale", required: true);
        var source = file.String(map, "source", required: true);
        var whenNode = YamlFile.Child(map, "when");
        if (whenNode is null) file.Error(map, "'when' is required");
        var when = whenNode is null ? null : conditions.Read(whenNode);
        return id is null || rationale is null || source is null || when is null ? null : new RuleBasics(id, rationale, source, when);
    }
}
