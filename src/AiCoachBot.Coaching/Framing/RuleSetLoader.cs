using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Flows;
using AiCoachBot.Coaching.Localization;
using AiCoachBot.Coaching.Rules;
using YamlDotNet.RepresentationModel;

namespace AiCoachBot.Coaching.Framing;

/// <summary>
/// Reads <c>rules.yaml</c> and <c>remedies.yaml</c> and checks them against the checklist's questions:
/// unknown question, dimension, tier or remedy, a value of the wrong type, a duplicate id, a rule with no
/// effect. Nothing in these files is code: conditions are data the engine interprets.
/// </summary>
public static class RuleSetLoader
{
    private static readonly string[] RuleKeys = ["id", "rationale", "source", "when", "points", "gap", "cap", "tier"];

    public static RuleSet? Load(string folder, string displayFolder, FlowDefinition checklist, ContentErrors errors)
    {
        var remedies = LoadRemedies(Path.Combine(folder, "remedies.yaml"), $"{displayFolder}/remedies.yaml", errors);
        var display = $"{displayFolder}/rules.yaml";
        var file = new YamlFile(display, errors);
        var full = Path.Combine(folder, "rules.yaml");
        if (!File.Exists(full)) { errors.Add(display, 0, "the file is missing"); return null; }
        if (file.Mapping(YamlFile.Load(full, display, errors), "the rules file") is not { } map) return null;
        file.Keys(map, "the rules file", "lastReviewed", "dimensions", "thresholds", "tiers", "rules");

        var dimensions = file.Sequence(map, "dimensions", required: true).Select(n => ReadDimension(n, file)).OfType<Dimension>().ToList();
        foreach (var twin in dimensions.GroupBy(d => d.Id).Where(g => g.Count() > 1)) file.Error(map, $"dimension '{twin.Key}' is defined twice");
        var tiers = file.Sequence(map, "tiers", required: true).Select(n => ReadTier(n, file)).OfType<Tier>().ToList();
        var thresholds = ReadThresholds(YamlFile.Child(map, "thresholds"), map, file);
        foreach (var step in checklist.Steps.Where(s => s.Dimension is null || dimensions.All(d => d.Id != s.Dimension)))
            errors.Add(checklist.SourceFile, 1, $"step '{step.Id}' needs a 'dimension' among: {string.Join(", ", dimensions.Select(d => d.Id))}");

        var rules = new List<Rule>();
        foreach (var node in file.Sequence(map, "rules", required: true))
        {
            if (ReadRule(node, file, checklist, dimensions, tiers, remedies) is not { } rule) continue;
            if (rules.FirstOrDefault(r => r.Id == rule.Id) is { } twin) file.Error(node, $"rule id '{rule.Id}' is already used at {twin.Location}");
            else rules.Add(rule);
        }
        return thresholds is null ? null : new RuleSet(dimensions, thresholds, tiers, rules, remedies, file.Date(map, "lastReviewed"));
    }

    private static Dimension? ReadDimension(YamlNode node, YamlFile file)
    {
        if (file.Mapping(node, "a dimension") is not { } map) return null;
        file.Keys(map, "a dimension", "id", "title", "weight", "critical", "maxPoints");
        var id = file.String(map, "id", required: true);
        var title = file.Text(map, "title", required: true);
        var weight = file.Number(map, "weight") ?? 1;
        if (weight != decimal.Truncate(weight)) file.Error(map, "'weight' must be a whole number");
        var max = file.Number(map, "maxPoints");
        if (max is null or <= 0) { file.Error(map, "'maxPoints' is required and must be above 0"); return null; }
        if (weight < 0) file.Error(map, "'weight' cannot be negative");
        return id is null || title is null ? null : new Dimension(id, title, (int)weight, file.Bool(map, "critical") ?? false, max.Value);
    }

    private static Tier? ReadTier(YamlNode node, YamlFile file)
    {
        if (file.Mapping(node, "a tier") is not { } map) return null;
        file.Keys(map, "a tier", "id", "title", "obligations");
        var id = file.String(map, "id", required: true);
        var title = file.Text(map, "title", required: true);
        var obligations = file.Text(map, "obligations", required: true);
        return id is null || title is null || obligations is null ? null : new Tier(id, title, obligations);
    }

    private static Thresholds? ReadThresholds(YamlNode? node, YamlMappingNode parent, YamlFile file)
    {
        if (node is null) { file.Error(parent, "'thresholds' is required: { ready: 70, fixGaps: 45 }"); return null; }
        if (file.Mapping(node, "'thresholds'") is not { } map) return null;
        file.Keys(map, "'thresholds'", "ready", "fixGaps");
        var (ready, fix) = (file.Number(map, "ready"), file.Number(map, "fixGaps"));
        if (ready is null || fix is null || fix > ready || fix < 0 || ready > 100 || ready != decimal.Truncate(ready.Value) || fix != decimal.Truncate(fix.Value))
        {
            file.Error(map, "thresholds need whole numbers with 0 <= fixGaps <= ready <= 100");
            return null;
        }
        return new Thresholds((int)ready, (int)fix);
    }

    private static Rule? ReadRule(YamlNode node, YamlFile file, FlowDefinition checklist, List<Dimension> dimensions, List<Tier> tiers, IReadOnlyDictionary<string, LocalizedText> remedies)
    {
        if (file.Mapping(node, "a rule") is not { } map) return null;
        file.Keys(map, "a rule", RuleKeys);
        var basics = RuleBasics.Read(map, file, new ConditionReader(file, q => checklist.Steps.FirstOrDefault(s => s.Id == q), " (not a question of the checklist)"));

        PointsEffect? points = null;
        if (YamlFile.Child(map, "points") is { } pointsNode && file.Mapping(pointsNode, "'points'") is { } p)
        {
            file.Keys(p, "'points'", "dimension", "value");
            var dimension = KnownDimension(file.String(p, "dimension", required: true), p, file, dimensions);
            var value = file.Number(p, "value");
            if (value is null) file.Error(p, "'value' is required");
            if (dimension is not null && value is not null) points = new PointsEffect(dimension, value.Value);
        }

        GapEffect? gap = null;
        if (YamlFile.Child(map, "gap") is { } gapNode && file.Mapping(gapNode, "'gap'") is { } g)
        {
            file.Keys(g, "'gap'", "dimension", "severity", "remedy");
            var dimension = KnownDimension(file.String(g, "dimension", required: true), g, file, dimensions);
            var severity = file.String(g, "severity", required: true) switch
            {
                "critical" => GapSeverity.Critical, "major" => GapSeverity.Major, "minor" => GapSeverity.Minor,
                null => (GapSeverity?)null,
                var other => Invalid<GapSeverity>(file, g, $"severity '{other}' is not known: use critical, major or minor"),
            };
            var remedy = file.String(g, "remedy", required: true);
            if (remedy is not null && !remedies.ContainsKey(remedy)) file.Error(g, $"remedy '{remedy}' has no text in remedies.yaml");
            if (dimension is not null && severity is not null && remedy is not null) gap = new GapEffect(dimension, severity.Value, remedy);
        }

        var cap = file.String(map, "cap", required: false) switch
        {
            null => (Verdict?)null,
            "fixGaps" => Verdict.FixGaps,
            "rethink" => Verdict.Rethink,
            var other => Invalid<Verdict>(file, map, $"cap '{other}' is not known: use fixGaps or rethink"),
        };
        var tier = file.String(map, "tier", required: false);
        if (tier is not null && tiers.All(t => t.Id != tier)) file.Error(map, $"tier '{tier}' is not one of: {string.Join(", ", tiers.Select(t => t.Id))}");
        if (YamlFile.Child(map, "points") is null && YamlFile.Child(map, "gap") is null && YamlFile.Child(map, "cap") is null && tier is null)
            file.Error(map, "a rule needs at least one effect: points, gap, cap or tier");

        return basics is null ? null
            : new Rule(basics.Id, basics.Rationale, basics.Source, basics.When, points, gap, cap, tier, $"{file.Path}:{map.Start.Line}");
    }

    private static string? KnownDimension(string? id, YamlNode node, YamlFile file, List<Dimension> dimensions)
    {
        if (id is null) return null;
        if (dimensions.Any(d => d.Id == id)) return id;
        file.Error(node, $"dimension '{id}' is not one of: {string.Join(", ", dimensions.Select(d => d.Id))}");
        return null;
    }

    private static T? Invalid<T>(YamlFile file, YamlNode node, string reason) where T : struct
    {
        file.Error(node, reason);
        return null;
    }

    private static Dictionary<string, LocalizedText> LoadRemedies(string full, string display, ContentErrors errors)
    {
        var remedies = new Dictionary<string, LocalizedText>(StringComparer.Ordinal);
        if (!File.Exists(full)) { errors.Add(display, 0, "the file is missing"); return remedies; }
        var file = new YamlFile(display, errors);
        if (file.Mapping(YamlFile.Load(full, display, errors), "the remedies file") is not { } map) return remedies;
        foreach (var (key, value) in map.Children)
        {
            var id = (key as YamlScalarNode)?.Value ?? "";
            if (file.Mapping(value, $"remedy '{id}'") is not { } texts) continue;
            file.Keys(texts, $"remedy '{id}'", "en", "fr");
            var (en, fr) = (file.String(texts, "en", required: true), file.String(texts, "fr", required: true));
            if (en is not null && fr is not null) remedies[id] = new LocalizedText(en, fr);
        }
        return remedies;
    }
}
