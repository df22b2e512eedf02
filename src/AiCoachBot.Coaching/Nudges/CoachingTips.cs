using System.Text.RegularExpressions;
using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Localization;
using AiCoachBot.Coaching.Projects;
using YamlDotNet.RepresentationModel;

namespace AiCoachBot.Coaching.Nudges;

public enum TipTest { Drop, Behind, DecisionWithin, MissingWeeks, Phase }

/// <summary>One rule of content/nudges/tips.yaml: a test on the project's figures or phase, and the tip it gives.</summary>
public sealed record TipRule(string Id, TipTest Test, decimal Percent, int Weeks, int Days, string? Phase, LocalizedText Text);

/// <summary>The weekly card's coaching tips, tried in order (content/nudges/tips.yaml).</summary>
public sealed partial record CoachingTips(IReadOnlyList<TipRule> Rules)
{
    public const string File = "nudges/tips.yaml";

    private static readonly Dictionary<string, (TipTest Test, string[] Placeholders)> Tests = new()
    {
        ["drop"] = (TipTest.Drop, ["kpi", "value", "average"]),
        ["behind"] = (TipTest.Behind, ["kpi", "value", "path"]),
        ["decisionWithin"] = (TipTest.DecisionWithin, ["what", "date", "days"]),
        ["missingWeeks"] = (TipTest.MissingWeeks, ["weeks"]),
        ["phase"] = (TipTest.Phase, []),
    };

    public static CoachingTips? Load(string root, PhaseCatalog phases, ContentErrors errors)
    {
        var path = Path.Combine(root, File);
        if (!System.IO.File.Exists(path)) { errors.Add(File, 0, "the file is missing: it holds the weekly card's coaching tips"); return null; }
        var file = new YamlFile(File, errors);
        if (file.Mapping(YamlFile.Load(path, File, errors), "the tips file") is not { } map) return null;
        file.Keys(map, "the tips file", "lastReviewed", "tips");
        if (file.Date(map, "lastReviewed") is null && YamlFile.Child(map, "lastReviewed") is null) file.Error(map, "'lastReviewed: YYYY-MM-DD' is required");
        var rules = new List<TipRule>();
        foreach (var node in file.Sequence(map, "tips", required: true))
        {
            if (file.Mapping(node, "a tip") is not { } tip) continue;
            file.Keys(tip, "a tip", "id", "when", "text");
            var id = file.String(tip, "id", required: true);
            var text = file.Text(tip, "text", required: true);
            if (file.Mapping(YamlFile.Child(tip, "when"), "'when'") is not { } when || when.Children.Count != 1)
            {
                file.Error(tip, $"'when' must hold exactly one test: {string.Join(", ", Tests.Keys)}");
                continue;
            }
            var (keyNode, value) = when.Children.Single();
            var name = (keyNode as YamlScalarNode)?.Value ?? "";
            if (!Tests.TryGetValue(name, out var test)) { file.Error(keyNode, $"unknown test '{name}'; expected one of: {string.Join(", ", Tests.Keys)}"); continue; }
            decimal percent = 0; int weeks = 0, days = 0; string? phase = null;
            if (test.Test == TipTest.Phase)
            {
                phase = (value as YamlScalarNode)?.Value;
                if (phases.Find(phase) is null) file.Error(value, $"phase '{phase}' is not one of: {string.Join(", ", phases.Phases.Select(p => p.Id))}");
            }
            else if (file.Mapping(value, $"'{name}'") is { } args)
            {
                file.Keys(args, $"'{name}'", "percent", "weeks", "days");
                percent = file.Number(args, "percent") ?? 10;
                weeks = (int)(file.Number(args, "weeks") ?? 4);
                days = (int)(file.Number(args, "days") ?? 14);
                if (percent is <= 0 or > 100 || weeks is < 1 or > 26 || days is < 1 or > 365) file.Error(args, "percent must be 1-100, weeks 1-26 and days 1-365");
            }
            if (text is not null)
            {
                foreach (var used in Placeholder().Matches(text.En + text.Fr).Select(m => m.Groups[1].Value).Distinct().Where(p => !test.Placeholders.Contains(p)))
                    file.Error(tip, $"tip '{id}': {{{used}}} is not filled by a '{name}' test (it fills: {string.Join(", ", test.Placeholders)})");
            }
            if (id is not null && text is not null) rules.Add(new TipRule(id, test.Test, percent, weeks, days, phase, text));
        }
        return rules.Count == 0 ? null : new CoachingTips(rules);
    }

    [GeneratedRegex(@"\{([a-zA-Z]+)\}")]
    private static partial Regex Placeholder();
}
