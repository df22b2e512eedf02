using System.Globalization;
using AiCoachBot.Coaching.Diagnostics;
using AiCoachBot.Coaching.Flows;
using AiCoachBot.Coaching.Localization;
using YamlDotNet.RepresentationModel;

namespace AiCoachBot.Coaching.Tests.Support;

/// <summary>One case of cases/pitfall-case-studies.yaml: a project described by its answers, and what an expert flags.</summary>
internal sealed record PitfallCase(string Name, string Phase, string? Description, IReadOnlyDictionary<string, string> RawAnswers, IReadOnlyList<string> High)
{
    public static IReadOnlyList<PitfallCase> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "cases", "pitfall-case-studies.yaml");
        var yaml = new YamlStream();
        using (var reader = File.OpenText(path)) yaml.Load(reader);
        return ((YamlSequenceNode)yaml.Documents[0].RootNode).Children.Cast<YamlMappingNode>().Select(Read).ToList();
    }

    private static PitfallCase Read(YamlMappingNode map)
    {
        string? Scalar(string key) => map.Children.TryGetValue(new YamlScalarNode(key), out var n) ? ((YamlScalarNode)n).Value : null;
        var answers = new Dictionary<string, string>();
        if (map.Children.TryGetValue(new YamlScalarNode("answers"), out var a))
        {
            foreach (var (key, value) in ((YamlMappingNode)a).Children)
            {
                answers[((YamlScalarNode)key).Value!] = value is YamlSequenceNode list
                    ? string.Join(",", list.Children.Select(c => ((YamlScalarNode)c).Value))
                    : ((YamlScalarNode)value).Value!;
            }
        }
        var high = map.Children.TryGetValue(new YamlScalarNode("high"), out var h)
            ? ((YamlSequenceNode)h).Children.Select(c => ((YamlScalarNode)c).Value!).ToList()
            : [];
        return new PitfallCase(Scalar("name")!, Scalar("phase")!, Scalar("description"), answers, high);
    }

    /// <summary>The answers read through the same parser as a typed answer, so a case cannot hold an answer a user could not give.</summary>
    public Dictionary<string, Answer> Answers(PitfallCatalog catalog) => RawAnswers.ToDictionary(a => a.Key, a => Parse(catalog, a.Key, a.Value));

    /// <summary>What the case's person answers when the diagnostic asks <paramref name="step"/>: their answer, else "I don't know", else the first option.</summary>
    public string AnswerTo(StepDefinition step) =>
        RawAnswers.TryGetValue(step.Id, out var raw) ? raw
        : step.Options.Any(o => o.Id == "unknown") ? "unknown"
        : step.Kind switch
        {
            StepKind.YesNo => "yes",
            StepKind.Choice or StepKind.MultiSelect => step.Options[0].Id,
            StepKind.Scale => "3",
            StepKind.Number => (step.Min ?? 0).ToString(CultureInfo.InvariantCulture),
            StepKind.Date => "2027-06-30",
            _ => "n/a",
        };

    private static Answer Parse(PitfallCatalog catalog, string questionId, string raw)
    {
        var step = catalog.Questions.Steps.SingleOrDefault(s => s.Id == questionId)
            ?? throw new InvalidOperationException($"'{questionId}' is not a question of the diagnostic");
        var parsed = AnswerParser.Parse(step, raw, Language.En, CultureInfo.InvariantCulture);
        return parsed.Answer ?? throw new InvalidOperationException($"{questionId}: '{raw}' is not a valid answer ({parsed.ErrorKey})");
    }

    public override string ToString() => Name;
}
