using System.Globalization;
using System.Text.Json.Nodes;
using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Localization;

namespace AiCoachBot.Coaching.Nudges;

/// <summary>One thing wrong in a submitted set-up: the KPI it concerns (1-based, none for the plan) and the text key that says what to fix.</summary>
public sealed record SetupProblem(int? Kpi, string Key, IReadOnlyDictionary<string, string>? Args = null);

/// <summary>
/// Reads the set-up card's values: up to ten KPI rows (a row with every field empty is skipped), the weekly
/// day and time, time zone, language and decision dates. Everything is checked; nothing is trusted.
/// </summary>
public static class SetupInput
{
    public const int MaxNameLength = 60;
    public const int MaxUnitLength = 20;
    public const int MaxMethodLength = 200;
    public const int MaxOwnerLength = 80;
    public static readonly string[] KpiFields = ["name", "unit", "baseline", "target", "direction", "method", "owner", "targetDate"];

    public static string Field(int kpi, string field) => $"kpi{kpi}.{field}";

    public static (IReadOnlyList<Kpi> Kpis, NudgePlan? Plan, IReadOnlyList<SetupProblem> Problems) Read(JsonObject data, Func<string> newId)
    {
        var problems = new List<SetupProblem>();
        var kpis = new List<Kpi>();
        for (var i = 1; i <= ProjectChannel.MaxKpis; i++)
        {
            var values = KpiFields.ToDictionary(f => f, f => Value(data[Field(i, f)]));
            if (values.Values.All(v => v is null)) continue;
            if (ReadKpi(i, values, newId, problems) is { } kpi)
            {
                if (kpis.Any(k => Commands.TextNormalizer.Fold(k.Name) == Commands.TextNormalizer.Fold(kpi.Name))) problems.Add(new(i, "setup.kpi.duplicate"));
                else kpis.Add(kpi);
            }
        }
        if (kpis.Count == 0 && problems.Count == 0) problems.Add(new(null, "setup.kpi.none"));
        var plan = ReadPlan(data, problems);
        return (kpis, plan, problems);
    }

    private static Kpi? ReadKpi(int row, Dictionary<string, string?> v, Func<string> newId, List<SetupProblem> problems)
    {
        var before = problems.Count;
        var name = Required(row, v["name"], MaxNameLength, "name", problems);
        var unit = Optional(row, v["unit"], MaxUnitLength, "unit", problems) ?? "";
        var baseline = Number(row, v["baseline"], "baseline", problems);
        var target = Number(row, v["target"], "target", problems);
        var direction = v["direction"] switch
        {
            "higher" => KpiDirection.HigherIsBetter,
            "lower" => KpiDirection.LowerIsBetter,
            _ => (KpiDirection?)null,
        };
        if (direction is null) problems.Add(new(row, "setup.kpi.direction"));
        var method = Required(row, v["method"], MaxMethodLength, "method", problems);
        var owner = Required(row, v["owner"], MaxOwnerLength, "owner", problems);
        DateOnly? targetDate = null;
        if (v["targetDate"] is { } date)
        {
            if (DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) targetDate = d;
            else problems.Add(new(row, "setup.kpi.date"));
        }
        if (baseline is { } b && target is { } t && direction is { } dir && (dir == KpiDirection.HigherIsBetter ? t <= b : t >= b))
            problems.Add(new(row, dir == KpiDirection.HigherIsBetter ? "setup.kpi.targetAbove" : "setup.kpi.targetBelow"));
        if (problems.Count > before) return null;
        return new Kpi(newId(), name!, unit, baseline!.Value, target!.Value, direction!.Value, method!, owner!, targetDate);
    }

    private static NudgePlan? ReadPlan(JsonObject data, List<SetupProblem> problems)
    {
        var before = problems.Count;
        var day = Enum.TryParse<DayOfWeek>(Value(data["day"]), ignoreCase: true, out var d) && Enum.IsDefined(d) ? d : (DayOfWeek?)null;
        if (day is null) problems.Add(new(null, "setup.plan.day"));
        var time = TimeOnly.TryParseExact(Value(data["time"]) ?? "", ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : (TimeOnly?)null;
        if (time is null) problems.Add(new(null, "setup.plan.time"));
        var zoneId = Value(data["timeZone"]);
        if (NudgeTime.FindZone(zoneId) is null) problems.Add(new(null, "setup.plan.timeZone", new Dictionary<string, string> { ["zone"] = zoneId ?? "" }));
        var language = Value(data["language"]) is "en" or "fr" ? Value(data["language"]) : null;
        if (language is null) problems.Add(new(null, "setup.plan.language"));
        var poc = Date(data["pocDecision"], "setup.plan.pocDecision", problems);
        var goLive = Date(data["goLive"], "setup.plan.goLive", problems);
        return problems.Count > before ? null : new NudgePlan(day!.Value, time!.Value, zoneId!.Trim(), language!, poc, goLive);
    }

    private static DateOnly? Date(JsonNode? node, string key, List<SetupProblem> problems)
    {
        if (Value(node) is not { } text) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        problems.Add(new(null, key));
        return null;
    }

    /// <summary>What an input sent, trimmed; an empty input (Teams sends "") counts as not filled.</summary>
    private static string? Value(JsonNode? node) => CardValues.Text(node, CardValues.MaxInputLength)?.Trim() is { Length: > 0 } v ? v : null;

    private static string? Required(int row, string? value, int max, string field, List<SetupProblem> problems)
    {
        if (value is null) { problems.Add(new(row, $"setup.kpi.{field}")); return null; }
        return Optional(row, value, max, field, problems);
    }

    private static string? Optional(int row, string? value, int max, string field, List<SetupProblem> problems)
    {
        var clean = Commands.TextNormalizer.Clean(value);
        if (clean.Length <= max) return clean.Length == 0 ? null : clean;
        problems.Add(new(row, "setup.kpi.tooLong", new Dictionary<string, string> { ["field"] = field, ["max"] = max.ToString(CultureInfo.InvariantCulture) }));
        return null;
    }

    /// <summary>A number as people type it: "12.5", "12,5", "1 200", "35 %".</summary>
    public static decimal? ParseNumber(string? text)
    {
        if (text is null) return null;
        var cleaned = text.Replace(" ", "", StringComparison.Ordinal).Replace("\u00A0", "", StringComparison.Ordinal).Replace("\u202F", "", StringComparison.Ordinal).TrimEnd('%').Replace(',', '.');
        return decimal.TryParse(cleaned, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n) && Math.Abs(n) < 1_000_000_000_000m ? n : null;
    }

    private static decimal? Number(int row, string? value, string field, List<SetupProblem> problems)
    {
        if (ParseNumber(value) is { } n) return n;
        problems.Add(new(row, $"setup.kpi.{field}"));
        return null;
    }

    public static string Describe(SetupProblem problem, StringCatalog strings, Language language)
    {
        var text = problem.Args is null ? strings.Get(language, problem.Key) : strings.Format(language, problem.Key, problem.Args);
        return problem.Kpi is { } row ? strings.Format(language, "setup.kpi.row", ("row", row.ToString(CultureInfo.InvariantCulture)), ("problem", text)) : text;
    }
}
