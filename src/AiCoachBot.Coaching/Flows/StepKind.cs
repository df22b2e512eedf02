namespace AiCoachBot.Coaching.Flows;

public enum StepKind { YesNo, Choice, Scale, Number, Date, Text, MultiSelect }

public static class StepKinds
{
    private static readonly Dictionary<string, StepKind> ByName = new(StringComparer.Ordinal)
    {
        ["yesno"] = StepKind.YesNo, ["choice"] = StepKind.Choice, ["scale"] = StepKind.Scale, ["number"] = StepKind.Number,
        ["date"] = StepKind.Date, ["text"] = StepKind.Text, ["multiselect"] = StepKind.MultiSelect,
    };

    public static IEnumerable<string> Names => ByName.Keys;

    public static StepKind? Parse(string? name) => name is not null && ByName.TryGetValue(name, out var kind) ? kind : null;
}
