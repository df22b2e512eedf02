using System.Globalization;
using System.Text.Json.Nodes;
using AiCoachBot.Coaching.Commands;
using AiCoachBot.Coaching.Localization;

namespace AiCoachBot.Coaching.Flows;

/// <summary>Reads an answer typed in chat or sent from a card, in English or French, and checks it against the step.</summary>
public static class AnswerParser
{
    private static readonly HashSet<string> Yes = ["yes", "y", "oui", "o", "true", "1", "ok", "yep", "d'accord"];
    private static readonly HashSet<string> No = ["no", "n", "non", "false", "0", "nope"];
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>A card input arrives as a string; a number or a boolean means a hand-made payload, read the same way.</summary>
    public static string? FromCardValue(JsonNode? value) => value switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.GetValueKind() is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False or System.Text.Json.JsonValueKind.Number => v.ToJsonString(),
        _ => null,
    };

    public static ParsedAnswer Parse(StepDefinition step, string? raw, Language language, CultureInfo culture)
    {
        var text = TextNormalizer.Clean(raw);
        if (text.Length == 0 && step.Kind != StepKind.Text) return Invalid(step);
        return step.Kind switch
        {
            StepKind.YesNo => YesNo(step, text),
            StepKind.Choice => Choice(step, text),
            StepKind.MultiSelect => MultiSelect(step, text, language),
            StepKind.Scale => Scale(step, text),
            StepKind.Number => Number(step, text, language),
            StepKind.Date => Date(step, text, culture),
            _ => FreeText(step, text),
        };
    }

    private static ParsedAnswer YesNo(StepDefinition step, string text)
    {
        var folded = TextNormalizer.Fold(text);
        if (Yes.Contains(folded)) return ParsedAnswer.Ok(new Answer { Flag = true });
        if (No.Contains(folded)) return ParsedAnswer.Ok(new Answer { Flag = false });
        return Invalid(step);
    }

    private static ParsedAnswer Choice(StepDefinition step, string text) =>
        MatchOption(step, text) is { } id ? ParsedAnswer.Ok(new Answer { Choice = id }) : Invalid(step);

    /// <summary>Options that mean "nothing applies" or "I don't know" make no sense beside others.</summary>
    private static readonly HashSet<string> ExclusiveOptions = ["none", "unsure", "unknown"];

    private static ParsedAnswer MultiSelect(StepDefinition step, string text, Language language)
    {
        var parts = text.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var ids = new List<string>();
        foreach (var part in parts)
        {
            if (MatchOption(step, part) is not { } id) return Invalid(step);
            if (!ids.Contains(id)) ids.Add(id);
        }
        if (ids.Count > 1 && ids.FirstOrDefault(ExclusiveOptions.Contains) is { } alone)
            return ParsedAnswer.Invalid(Content.TextKeys.FlowExclusive, Args(("option", step.Options.First(o => o.Id == alone).Label[language])));
        var min = (int)(step.Min ?? 1);
        var max = (int)(step.Max ?? step.Options.Count);
        if (ids.Count < min || ids.Count > max)
            return ParsedAnswer.Invalid("flow.invalid.multiselectCount", Args(("min", min.ToString(CultureInfo.InvariantCulture)), ("max", max.ToString(CultureInfo.InvariantCulture))));
        return ParsedAnswer.Ok(new Answer { Choices = ids });
    }

    private static string? MatchOption(StepDefinition step, string text)
    {
        var folded = TextNormalizer.Fold(text);
        foreach (var option in step.Options)
        {
            if (folded == TextNormalizer.Fold(option.Id) || folded == TextNormalizer.Fold(option.Label.En) || folded == TextNormalizer.Fold(option.Label.Fr))
                return option.Id;
        }
        return int.TryParse(folded, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index >= 1 && index <= step.Options.Count
            ? step.Options[index - 1].Id
            : null;
    }

    private static ParsedAnswer Scale(StepDefinition step, string text)
    {
        var head = text.Split('/')[0].Trim();
        return int.TryParse(head, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is >= StepDefinition.ScaleMin and <= StepDefinition.ScaleMax
            ? ParsedAnswer.Ok(new Answer { Number = value })
            : Invalid(step);
    }

    private static ParsedAnswer Number(StepDefinition step, string text, Language language)
    {
        var compact = new string(text.Where(c => !char.IsWhiteSpace(c) && c != '\u202F' && c != '%').ToArray());
        // A card sends "1234.5"; a French speaker types "1 234,5"; an English one "1,234.5".
        var parsed = decimal.TryParse(compact, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            || decimal.TryParse(compact, NumberStyles.Number, language == Language.Fr ? French : CultureInfo.InvariantCulture, out value);
        if (!parsed) return Invalid(step);
        if ((step.Min is { } min && value < min) || (step.Max is { } max && value > max)) return Invalid(step);
        return ParsedAnswer.Ok(new Answer { Number = value });
    }

    private static ParsedAnswer Date(StepDefinition step, string text, CultureInfo culture)
    {
        var ok = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            || DateOnly.TryParse(text, culture, DateTimeStyles.None, out date);
        return ok && date.Year is >= 1900 and <= 2200 ? ParsedAnswer.Ok(new Answer { Date = date }) : Invalid(step);
    }

    private static ParsedAnswer FreeText(StepDefinition step, string text)
    {
        if (text.Length == 0) return Invalid(step);
        if (text.Length > step.MaxLength) return ParsedAnswer.Invalid("flow.invalid.textTooLong", Args(("max", step.MaxLength.ToString(CultureInfo.InvariantCulture))));
        return ParsedAnswer.Ok(new Answer { Text = text });
    }

    /// <summary>The generic "here is what I expect" message of the step's kind.</summary>
    private static ParsedAnswer Invalid(StepDefinition step) => step.Kind switch
    {
        StepKind.Number => ParsedAnswer.Invalid(step.Min is null && step.Max is null ? "flow.invalid.number" : "flow.invalid.numberRange",
            Args(("min", Show(step.Min)), ("max", Show(step.Max)))),
        StepKind.Scale => ParsedAnswer.Invalid("flow.invalid.scale"),
        StepKind.YesNo => ParsedAnswer.Invalid("flow.invalid.yesno"),
        StepKind.Date => ParsedAnswer.Invalid("flow.invalid.date"),
        StepKind.Choice => ParsedAnswer.Invalid("flow.invalid.choice"),
        StepKind.MultiSelect => ParsedAnswer.Invalid("flow.invalid.multiselect"),
        _ => ParsedAnswer.Invalid("flow.invalid.text"),
    };

    private static string Show(decimal? value) => value?.ToString("0.##", CultureInfo.InvariantCulture) ?? "";

    private static Dictionary<string, string> Args(params (string Key, string Value)[] pairs) => pairs.ToDictionary(p => p.Key, p => p.Value);
}
