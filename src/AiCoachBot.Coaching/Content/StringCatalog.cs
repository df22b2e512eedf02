using System.Text.RegularExpressions;
using AiCoachBot.Coaching.Localization;
using YamlDotNet.RepresentationModel;

namespace AiCoachBot.Coaching.Content;

/// <summary>Every user-facing sentence, by key, from <c>strings/en.yaml</c> and <c>strings/fr.yaml</c>.</summary>
public sealed partial class StringCatalog
{
    private readonly Dictionary<string, LocalizedText> _texts;

    private StringCatalog(Dictionary<string, LocalizedText> texts) => _texts = texts;

    public IReadOnlyCollection<string> Keys => _texts.Keys;

    public bool Contains(string key) => _texts.ContainsKey(key);

    public string Get(Language language, string key) =>
        _texts.TryGetValue(key, out var text) ? text[language] : throw new KeyNotFoundException($"No text '{key}' in the content strings.");

    /// <summary>Fills <c>{name}</c> placeholders from <paramref name="args"/>.</summary>
    public string Format(Language language, string key, params (string Name, string Value)[] args) =>
        Format(language, key, args.ToDictionary(a => a.Name, a => a.Value));

    public string Format(Language language, string key, IReadOnlyDictionary<string, string> args) =>
        Placeholder().Replace(Get(language, key), m => args.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value);

    public static StringCatalog Load(string root, IEnumerable<string> requiredKeys, ContentErrors errors)
    {
        var en = ReadFile(root, "en", errors);
        var fr = ReadFile(root, "fr", errors);
        // A file that could not be read at all would make every key look missing: its own error says enough.
        if (errors.Any) return new StringCatalog(new Dictionary<string, LocalizedText>(StringComparer.Ordinal));
        var texts = new Dictionary<string, LocalizedText>(StringComparer.Ordinal);
        foreach (var (key, (enText, enLine)) in en)
        {
            if (!fr.TryGetValue(key, out var frEntry)) { errors.Add("strings/fr.yaml", 1, $"'{key}' is missing (it is in strings/en.yaml line {enLine})"); continue; }
            var enArgs = Arguments(enText);
            var frArgs = Arguments(frEntry.Text);
            if (!enArgs.SetEquals(frArgs))
                errors.Add("strings/fr.yaml", frEntry.Line, $"'{key}' uses placeholders {{{string.Join("}, {", frArgs)}}} but the English text uses {{{string.Join("}, {", enArgs)}}}");
            texts[key] = new LocalizedText(enText, frEntry.Text);
        }
        foreach (var (key, (_, line)) in fr.Where(f => !en.ContainsKey(f.Key)))
            errors.Add("strings/en.yaml", 1, $"'{key}' is missing (it is in strings/fr.yaml line {line})");
        foreach (var key in requiredKeys.Where(k => !en.ContainsKey(k) && !fr.ContainsKey(k)))
            errors.Add("strings/en.yaml", 1, $"'{key}' is missing: the bot needs it");
        return new StringCatalog(texts);
    }

    private static Dictionary<string, (string Text, long Line)> ReadFile(string root, string language, ContentErrors errors)
    {
        var display = $"strings/{language}.yaml";
        var result = new Dictionary<string, (string, long)>(StringComparer.Ordinal);
        var full = System.IO.Path.Combine(root, "strings", $"{language}.yaml");
        if (!File.Exists(full)) { errors.Add(display, 0, "the file is missing"); return result; }
        var file = new YamlFile(display, errors);
        if (file.Mapping(YamlFile.Load(full, display, errors), "the strings file") is not { } map) return result;
        foreach (var (k, v) in map.Children)
        {
            var key = (k as YamlScalarNode)?.Value ?? "";
            if (v is YamlScalarNode { Value: { } text } && text.Trim().Length > 0) result[key] = (text.Trim(), k.Start.Line);
            else file.Error(k, $"'{key}' must be a non-empty text");
        }
        return result;
    }

    private static HashSet<string> Arguments(string text) => Placeholder().Matches(text).Select(m => m.Groups[1].Value).ToHashSet();

    [GeneratedRegex(@"\{([a-zA-Z][a-zA-Z0-9]*)\}")]
    private static partial Regex Placeholder();
}
