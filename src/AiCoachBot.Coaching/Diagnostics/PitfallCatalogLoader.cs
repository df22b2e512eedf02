using System.Text.RegularExpressions;
using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Flows;
using AiCoachBot.Coaching.Framing;
using AiCoachBot.Coaching.Localization;
using AiCoachBot.Coaching.Projects;
using AiCoachBot.Coaching.Rules;
using YamlDotNet.RepresentationModel;

namespace AiCoachBot.Coaching.Diagnostics;

/// <summary>
/// Reads <c>diagnostic/questions.yaml</c> and <c>diagnostic/pitfalls.yaml</c> and checks them against the
/// framing checklist and the phases: unknown question, phase or severity, a rule testing a question its
/// pitfall does not ask, a risk no rule can reach, a question no pitfall asks, a text missing in a language.
/// </summary>
public static partial class PitfallCatalogLoader
{
    private static readonly string[] TopKeys = ["lastReviewed", "maxQuestions", "reuseFramingDays", "thresholds", "pitfalls"];
    private static readonly string[] PitfallKeys = ["id", "name", "description", "symptoms", "phases", "severity", "questions", "maxRisk", "rules", "remedies", "articles"];
    private static readonly string[] RuleKeys = ["id", "rationale", "source", "when", "risk"];

    public static PitfallCatalog? Load(string contentRoot, FlowDefinition checklist, PhaseCatalog phases, ContentErrors errors)
    {
        var folder = Path.Combine(contentRoot, PitfallCatalog.Folder);
        var questionsDisplay = $"{PitfallCatalog.Folder}/questions.yaml";
        var pitfallsDisplay = $"{PitfallCatalog.Folder}/pitfalls.yaml";
        var questionsPath = Path.Combine(folder, "questions.yaml");
        var pitfallsPath = Path.Combine(folder, "pitfalls.yaml");
        if (!File.Exists(questionsPath)) { errors.Add(questionsDisplay, 0, "the file is missing"); return null; }
        if (!File.Exists(pitfallsPath)) { errors.Add(pitfallsDisplay, 0, "the file is missing"); return null; }

        var own = FlowLoader.LoadFile(questionsPath, questionsDisplay, errors, knownBefore: checklist.Steps);
        if (own is null) return null;
        if (own.LastReviewed is null) errors.Add(questionsDisplay, 1, "'lastReviewed: YYYY-MM-DD' is required: the date these questions were last reviewed");
        foreach (var step in own.Steps.Where(s => s.Phases is not null))
        {
            foreach (var phase in step.Phases!.Where(p => phases.Find(p) is null))
                errors.Add(questionsDisplay, 1, $"step '{step.Id}': phase '{phase}' is not one of: {string.Join(", ", phases.Phases.Select(p => p.Id))}");
        }

        var file = new YamlFile(pitfallsDisplay, errors);
        if (file.Mapping(YamlFile.Load(pitfallsPath, pitfallsDisplay, errors), "the pitfalls file") is not { } map) return null;
        file.Keys(map, "the pitfalls file", TopKeys);
        var maxQuestions = WholeNumber(file, map, "maxQuestions", 1, PitfallCatalog.MaxQuestionsAllowed) ?? PitfallCatalog.MaxQuestionsAllowed;
        var reuseDays = WholeNumber(file, map, "reuseFramingDays", 0, 3650) ?? 0;
        var thresholds = ReadThresholds(file, map);

        var pool = own.Steps.Concat(checklist.Steps).ToDictionary(s => s.Id);
        var pitfalls = new List<Pitfall>();
        var rules = new List<Rule>();
        foreach (var node in file.Sequence(map, "pitfalls", required: true))
        {
            if (ReadPitfall(node, file, pool, phases, rules) is not { } pitfall) continue;
            if (pitfalls.Any(p => p.Id == pitfall.Id)) file.Error(node, $"pitfall id '{pitfall.Id}' is used twice");
            else pitfalls.Add(pitfall);
        }

        var asked = pitfalls.SelectMany(p => p.Questions).ToHashSet();
        foreach (var step in own.Steps.Where(s => !asked.Contains(s.Id)))
            errors.Add(questionsDisplay, 1, $"step '{step.Id}' is not in any pitfall's 'questions', so it would never be asked");

        if (thresholds is null || pitfalls.Count == 0) return null;
        // The framing questions the diagnostic reuses come after its own, in the checklist's order.
        var steps = own.Steps.Concat(checklist.Steps.Where(s => asked.Contains(s.Id))).ToList();
        var questions = own with { Steps = steps };
        var ruleSet = new RuleSet(
            pitfalls.Select(p => new Dimension(p.Id, p.Name, 1, false, p.MaxRisk)).ToList(),
            new Thresholds(100, 0), [], rules, new Dictionary<string, LocalizedText>(), file.Date(map, "lastReviewed"));
        if (ruleSet.LastReviewed is null) file.Error(map, "'lastReviewed: YYYY-MM-DD' is required: the date this catalogue was last reviewed");
        return new PitfallCatalog(pitfalls, questions, ruleSet, maxQuestions, reuseDays, thresholds, ruleSet.LastReviewed);
    }

    private static Pitfall? ReadPitfall(YamlNode node, YamlFile file, IReadOnlyDictionary<string, StepDefinition> pool, PhaseCatalog phases, List<Rule> allRules)
    {
        if (file.Mapping(node, "a pitfall") is not { } map) return null;
        file.Keys(map, "a pitfall", PitfallKeys);
        var id = file.String(map, "id", required: true);
        var name = file.Text(map, "name", required: true);
        var description = file.Text(map, "description", required: true);
        var symptoms = file.Phrases(map, "symptoms", required: true);
        if (YamlFile.Child(map, "symptoms") is { } symptomsNode && (symptoms.En.Count == 0 || symptoms.Fr.Count == 0))
            file.Error(symptomsNode, "'symptoms' needs at least one phrase in each language");

        var phaseIds = Scalars(file, map, "phases");
        foreach (var phase in phaseIds.Where(p => phases.Find(p) is null))
            file.Error(map, $"phase '{phase}' is not one of: {string.Join(", ", phases.Phases.Select(p => p.Id))}");
        if (phaseIds.Count == 0) file.Error(map, "'phases' lists where the pitfall bites, such as [poc, deployment]");

        var severity = file.String(map, "severity", required: true) switch
        {
            "high" => PitfallSeverity.High, "medium" => PitfallSeverity.Medium, "low" => PitfallSeverity.Low,
            null => (PitfallSeverity?)null,
            var other => Invalid(file, map, $"severity '{other}' is not known: use high, medium or low"),
        };

        var questionIds = Scalars(file, map, "questions");
        if (questionIds.Count == 0) file.Error(map, "'questions' lists the questions that reveal the pitfall, the first one first");
        foreach (var q in questionIds.Where(q => !pool.ContainsKey(q)))
            file.Error(map, $"question '{q}' is neither in questions.yaml nor in framing/checklist.yaml");
        foreach (var twin in questionIds.GroupBy(q => q).Where(g => g.Count() > 1)) file.Error(map, $"question '{twin.Key}' is listed twice");

        var maxRisk = file.Number(map, "maxRisk");
        if (maxRisk is null or <= 0) file.Error(map, "'maxRisk' is required and must be above 0: the risk when every warning sign is present");

        var remedies = ReadRemedies(file, map);
        var articles = Scalars(file, map, "articles");
        foreach (var article in articles.Where(a => !ArticleId().IsMatch(a)))
            file.Error(map, $"article id '{article}' must be lower-case words joined by hyphens, such as data-audit");

        var mine = new List<Rule>();
        foreach (var ruleNode in file.Sequence(map, "rules", required: true))
        {
            if (id is null || ReadRule(ruleNode, file, id, questionIds, pool, maxRisk) is not { } rule) continue;
            if (allRules.Concat(mine).FirstOrDefault(r => r.Id == rule.Id) is { } twin) file.Error(ruleNode, $"rule id '{rule.Id}' is already used at {twin.Location}");
            else mine.Add(rule);
        }
        var reachable = mine.Sum(r => Math.Max(0, r.Points!.Value));
        if (maxRisk > 0 && mine.Count > 0 && reachable < maxRisk)
            file.Error(map, $"'maxRisk' is {maxRisk} but all its rules together reach only {reachable}: lower maxRisk or add rules");
        allRules.AddRange(mine);

        return id is null || name is null || description is null || severity is null || remedies is null || maxRisk is null or <= 0 || questionIds.Count == 0 || phaseIds.Count == 0
            ? null
            : new Pitfall(id, name, description, symptoms, phaseIds, severity.Value, questionIds, maxRisk.Value, remedies, articles);
    }

    private static Rule? ReadRule(YamlNode node, YamlFile file, string pitfallId, IReadOnlyList<string> questionIds, IReadOnlyDictionary<string, StepDefinition> pool, decimal? maxRisk)
    {
        if (file.Mapping(node, "a rule") is not { } map) return null;
        file.Keys(map, "a rule", RuleKeys);
        var basics = RuleBasics.Read(map, file, new ConditionReader(file,
            q => questionIds.Contains(q) ? pool.GetValueOrDefault(q) : null,
            $" (a rule may only test the questions its pitfall lists: {string.Join(", ", questionIds)})"));
        var risk = file.Number(map, "risk");
        if (risk is null or 0) file.Error(map, "'risk' is required and cannot be 0: the risk points this answer adds (negative when it reassures)");
        else if (maxRisk is > 0 && Math.Abs(risk.Value) > maxRisk) file.Error(map, $"'risk' {risk} is beyond the pitfall's maxRisk {maxRisk}");
        return basics is null || risk is null or 0 ? null
            : new Rule(basics.Id, basics.Rationale, basics.Source, basics.When, new PointsEffect(pitfallId, risk.Value), null, null, null, $"{file.Path}:{map.Start.Line}");
    }

    private static Remedies? ReadRemedies(YamlFile file, YamlMappingNode map)
    {
        var node = YamlFile.Child(map, "remedies");
        if (node is null) { file.Error(map, "'remedies' is required, with 'week' and 'quarter'"); return null; }
        if (file.Mapping(node, "'remedies'") is not { } remedies) return null;
        file.Keys(remedies, "'remedies'", Remedies.WeekId, Remedies.QuarterId);
        var week = file.Text(remedies, Remedies.WeekId, required: true);
        var quarter = file.Text(remedies, Remedies.QuarterId, required: true);
        return week is null || quarter is null ? null : new Remedies(week, quarter);
    }

    private static RiskThresholds? ReadThresholds(YamlFile file, YamlMappingNode map)
    {
        if (YamlFile.Child(map, "thresholds") is not { } node) { file.Error(map, "'thresholds' is required: { high: 60, medium: 30 }"); return null; }
        if (file.Mapping(node, "'thresholds'") is not { } t) return null;
        file.Keys(t, "'thresholds'", "high", "medium");
        var (high, medium) = (file.Number(t, "high"), file.Number(t, "medium"));
        if (high is null || medium is null || medium <= 0 || medium > high || high > 100 || high != decimal.Truncate(high.Value) || medium != decimal.Truncate(medium.Value))
        {
            file.Error(t, "thresholds need whole numbers with 0 < medium <= high <= 100");
            return null;
        }
        return new RiskThresholds((int)high, (int)medium);
    }

    private static int? WholeNumber(YamlFile file, YamlMappingNode map, string key, int min, int max)
    {
        var value = file.Number(map, key);
        if (value is null) { file.Error(map, $"'{key}' is required: a whole number from {min} to {max}"); return null; }
        if (value != decimal.Truncate(value.Value) || value < min || value > max) { file.Error(map, $"'{key}' must be a whole number from {min} to {max}"); return null; }
        return (int)value;
    }

    private static List<string> Scalars(YamlFile file, YamlMappingNode map, string key)
    {
        var values = new List<string>();
        foreach (var item in file.Sequence(map, key, required: true))
        {
            if (item is YamlScalarNode { Value: { } v } && v.Trim().Length > 0) values.Add(v.Trim());
            else file.Error(item, $"each entry of '{key}' must be a non-empty text");
        }
        return values;
    }

    private static PitfallSeverity? Invalid(YamlFile file, YamlNode node, string reason)
    {
        file.Error(node, reason);
        return null;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex ArticleId();
}
