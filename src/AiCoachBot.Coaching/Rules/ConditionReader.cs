using System.Globalization;
using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Flows;
using YamlDotNet.RepresentationModel;

namespace AiCoachBot.Coaching.Rules;

/// <summary>
/// Reads a condition from content and checks it against the questions it names: an unknown question,
/// a test that does not apply to the question's kind, or a value of the wrong type is reported with its line.
/// </summary>
public sealed class ConditionReader(YamlFile file, Func<string, StepDefinition?> question, string unknownQuestionHint = "")
{
    private static readonly Dictionary<string, TestKind> Tests = new(StringComparer.Ordinal)
    {
        ["equals"] = TestKind.Equals, ["in"] = TestKind.In, ["includes"] = TestKind.Includes, ["greater"] = TestKind.Greater,
        ["less"] = TestKind.Less, ["between"] = TestKind.Between, ["answered"] = TestKind.Answered,
        ["countAtLeast"] = TestKind.CountAtLeast, ["countAtMost"] = TestKind.CountAtMost,
    };

    public Condition? Read(YamlNode node)
    {
        if (file.Mapping(node, "a condition") is not { } map) return null;
        if (map.Children.Count == 1 && map.Children.Keys.Single() is YamlScalarNode { Value: "all" or "any" or "not" } key)
            return Combinator(key.Value!, map.Children.Values.Single());
        return Leaf(map);
    }

    private Condition? Combinator(string name, YamlNode body)
    {
        if (name == "not") return Read(body) is { } inner ? new Condition.Not(inner) : null;
        if (body is not YamlSequenceNode { Children.Count: > 0 } list) { file.Error(body, $"'{name}' takes a list of conditions"); return null; }
        var parts = list.Children.Select(Read).ToList();
        if (parts.Any(p => p is null)) return null;
        return name == "all" ? new Condition.All(parts!) : new Condition.Any(parts!);
    }

    private Condition? Leaf(YamlMappingNode map)
    {
        var id = file.String(map, "question", required: true);
        var tests = map.Children.Keys.OfType<YamlScalarNode>().Where(k => k.Value != "question").ToList();
        if (tests.Count != 1 || !Tests.TryGetValue(tests[0].Value!, out var kind))
        {
            file.Error(map, $"a condition is 'all', 'any', 'not', or 'question' with one test of: {string.Join(", ", Tests.Keys)}");
            return null;
        }
        if (id is null) return null;
        if (question(id) is not { } step) { file.Error(map, $"question '{id}' is not known here{unknownQuestionHint}"); return null; }
        var value = map.Children[tests[0]];
        return kind switch
        {
            TestKind.Answered => Flag(value) is { } answered ? new Condition.Test(id, kind, new AnswerValue(Flag: answered)) : null,
            TestKind.Equals => Literal(step, value) is { } v ? new Condition.Test(id, kind, v) : null,
            TestKind.In => InList(step, id, value),
            TestKind.Includes => Applies(step, value, "includes", StepKind.MultiSelect) && Option(step, value) is { } o ? new Condition.Test(id, kind, o) : null,
            TestKind.Greater or TestKind.Less => Applies(step, value, tests[0].Value!, StepKind.Number, StepKind.Scale, StepKind.Date) && Ordered(step, value) is { } n ? new Condition.Test(id, kind, n) : null,
            TestKind.Between => BetweenTest(step, id, value),
            _ => Applies(step, value, tests[0].Value!, StepKind.MultiSelect) && Count(value, step) is { } c ? new Condition.Test(id, kind, new AnswerValue(Number: c)) : null,
        };
    }

    private Condition? InList(StepDefinition step, string id, YamlNode value)
    {
        if (value is not YamlSequenceNode { Children.Count: > 0 } list) { file.Error(value, "'in' takes a list of values"); return null; }
        var values = list.Children.Select(v => Literal(step, v)).ToList();
        return values.Any(v => v is null) ? null : new Condition.Test(id, TestKind.In, Values: values!);
    }

    private Condition? BetweenTest(StepDefinition step, string id, YamlNode value)
    {
        if (!Applies(step, value, "between", StepKind.Number, StepKind.Scale, StepKind.Date)) return null;
        if (value is not YamlSequenceNode { Children.Count: 2 } pair) { file.Error(value, "'between' takes two values: [low, high]"); return null; }
        var (low, high) = (Ordered(step, pair.Children[0]), Ordered(step, pair.Children[1]));
        if (low is null || high is null) return null;
        if (low.Number > high.Number) { file.Error(value, "'between' needs the lower value first"); return null; }
        return new Condition.Test(id, TestKind.Between, low, high);
    }

    /// <summary>A value of the type the question's answers have.</summary>
    private AnswerValue? Literal(StepDefinition step, YamlNode value) => step.Kind switch
    {
        StepKind.YesNo => Flag(value, yesNo: true) is { } f ? new AnswerValue(Flag: f) : null,
        StepKind.Choice => Option(step, value),
        StepKind.MultiSelect => Wrong(value, $"question '{step.Id}' takes several answers: use includes, countAtLeast or countAtMost"),
        StepKind.Number or StepKind.Scale or StepKind.Date => Ordered(step, value),
        _ => Wrong(value, $"question '{step.Id}' is free text: only 'answered' applies to it"),
    };

    private AnswerValue? Option(StepDefinition step, YamlNode value) =>
        Scalar(value) is { } id && step.Options.Any(o => o.Id == id)
            ? new AnswerValue(Text: id)
            : Wrong(value, $"'{Scalar(value)}' is not an option of question '{step.Id}' ({string.Join(", ", step.Options.Select(o => o.Id))})");

    private AnswerValue? Ordered(StepDefinition step, YamlNode value)
    {
        var text = Scalar(value);
        if (step.Kind == StepKind.Date)
            return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? new AnswerValue(Number: date.DayNumber)
                : Wrong(value, $"question '{step.Id}' is a date: write it as YYYY-MM-DD");
        if (!decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
            return Wrong(value, $"question '{step.Id}' is a {step.Kind.ToString().ToLowerInvariant()}: '{text}' is not a number");
        // A value no answer can take makes a test that never (or always) holds: almost surely a typo.
        var (min, max) = step.Kind == StepKind.Scale ? (StepDefinition.ScaleMin, StepDefinition.ScaleMax) : (step.Min, step.Max);
        if (number < min || number > max)
            return Wrong(value, $"{text} is outside what question '{step.Id}' accepts ({min?.ToString(CultureInfo.InvariantCulture) ?? "…"} to {max?.ToString(CultureInfo.InvariantCulture) ?? "…"})");
        return new AnswerValue(Number: number);
    }

    private bool? Flag(YamlNode value, bool yesNo = false)
    {
        var text = Scalar(value);
        if (text == "true" || (yesNo && text == "yes")) return true;
        if (text == "false" || (yesNo && text == "no")) return false;
        return WrongFlag(value, yesNo ? "yes or no" : "true or false");
    }

    private decimal? Count(YamlNode value, StepDefinition step)
    {
        if (!int.TryParse(Scalar(value), NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return WrongCount(value);
        if (n <= step.Options.Count) return n;
        file.Error(value, $"question '{step.Id}' has only {step.Options.Count} options");
        return null;
    }

    private bool Applies(StepDefinition step, YamlNode value, string test, params StepKind[] kinds)
    {
        if (kinds.Contains(step.Kind)) return true;
        file.Error(value, $"'{test}' does not apply to question '{step.Id}', a {step.Kind.ToString().ToLowerInvariant()} question");
        return false;
    }

    private static string? Scalar(YamlNode node) => (node as YamlScalarNode)?.Value?.Trim();

    private AnswerValue? Wrong(YamlNode node, string reason) { file.Error(node, reason); return null; }
    private bool? WrongFlag(YamlNode node, string expected) { file.Error(node, $"expected {expected}"); return null; }
    private decimal? WrongCount(YamlNode node) { file.Error(node, "expected a whole number"); return null; }
}
