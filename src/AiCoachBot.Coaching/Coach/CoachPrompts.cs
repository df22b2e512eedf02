using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Localization;
using YamlDotNet.RepresentationModel;

namespace AiCoachBot.Coaching.Coach;

/// <summary>The instructions given to the language model (content/coach/prompts.yaml): questions, "Explain", and pitfall candidates for a diagnostic.</summary>
public sealed record CoachPrompts(string Question, string Explain, string Pitfalls, string Retro)
{
    public const string File = "coach/prompts.yaml";
    private static readonly string[] Placeholders = ["{language}", "{maxWords}"];

    public static string Fill(string template, Language language, int maxWords) => template
        .Replace("{language}", language == Language.Fr ? "French" : "English", StringComparison.Ordinal)
        .Replace("{maxWords}", maxWords.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

    public static CoachPrompts? Load(string contentRoot, ContentErrors errors)
    {
        var path = Path.Combine(contentRoot, File);
        if (!System.IO.File.Exists(path)) { errors.Add(File, 0, "the file is missing: it holds the instructions given to the language model"); return null; }
        var file = new YamlFile(File, errors);
        if (file.Mapping(YamlFile.Load(path, File, errors), "the prompts file") is not { } map) return null;
        file.Keys(map, "the prompts file", "lastReviewed", "question", "explain", "pitfalls", "retro");
        if (file.Date(map, "lastReviewed") is null && YamlFile.Child(map, "lastReviewed") is null) file.Error(map, "'lastReviewed: YYYY-MM-DD' is required");
        var question = Template(file, map, "question", Placeholders);
        var explain = Template(file, map, "explain", Placeholders);
        var pitfalls = Template(file, map, "pitfalls", []);
        var retro = Template(file, map, "retro", Placeholders);
        return question is null || explain is null || pitfalls is null || retro is null ? null : new CoachPrompts(question, explain, pitfalls, retro);
    }

    private static string? Template(YamlFile file, YamlMappingNode map, string key, string[] placeholders)
    {
        var text = file.String(map, key, required: true);
        foreach (var placeholder in placeholders.Where(p => text is not null && !text.Contains(p, StringComparison.Ordinal)))
            file.Error(map, $"'{key}' must contain {placeholder}");
        return text;
    }
}
