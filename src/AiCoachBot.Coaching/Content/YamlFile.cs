using AiCoachBot.Coaching.Localization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AiCoachBot.Coaching.Content;

/// <summary>Reads one YAML content file node by node, recording every problem with its line instead of stopping at the first.</summary>
public sealed class YamlFile(string displayPath, ContentErrors errors)
{
    public string Path { get; } = displayPath;

    public static YamlNode? Load(string fullPath, string displayPath, ContentErrors errors)
    {
        try
        {
            using var reader = new StreamReader(fullPath);
            var stream = new YamlStream();
            stream.Load(reader);
            if (stream.Documents.Count == 0) { errors.Add(displayPath, 1, "the file is empty"); return null; }
            return stream.Documents[0].RootNode;
        }
        catch (YamlException ex)
        {
            errors.Add(displayPath, ex.Start.Line, $"not valid YAML: {ex.InnerException?.Message ?? ex.Message}");
            return null;
        }
        catch (InvalidOperationException)
        {
            // The parser sometimes gives up without a position; the last event it read tells where.
            errors.Add(displayPath, LastGoodLine(fullPath), "not valid YAML: check the brackets, braces and quotes on or just after this line");
            return null;
        }
    }

    private static long LastGoodLine(string fullPath)
    {
        using var reader = new StreamReader(fullPath);
        var parser = new Parser(reader);
        long line = 1;
        try
        {
            while (parser.MoveNext()) line = parser.Current?.End.Line ?? line;
        }
        catch (Exception ex) when (ex is YamlException or InvalidOperationException) { }
        return line;
    }

    public void Error(YamlNode node, string reason) => errors.Add(Path, node.Start.Line, reason);

    public YamlMappingNode? Mapping(YamlNode? node, string what)
    {
        if (node is YamlMappingNode map) return map;
        if (node is not null) Error(node, $"{what} must be a mapping (key: value)");
        return null;
    }

    public IReadOnlyList<YamlNode> Sequence(YamlMappingNode map, string key, bool required)
    {
        var node = Child(map, key);
        if (node is YamlSequenceNode seq) return seq.Children.ToList();
        if (node is null) { if (required) Error(map, $"'{key}' is required"); }
        else Error(node, $"'{key}' must be a list");
        return [];
    }

    public string? String(YamlMappingNode map, string key, bool required)
    {
        var node = Child(map, key);
        if (node is YamlScalarNode { Value: { } value } && value.Trim().Length > 0) return value.Trim();
        if (node is null) { if (required) Error(map, $"'{key}' is required"); }
        else Error(node, $"'{key}' must be a non-empty text");
        return null;
    }

    public decimal? Number(YamlMappingNode map, string key)
    {
        var node = Child(map, key);
        if (node is null) return null;
        if (node is YamlScalarNode { Value: { } v } && decimal.TryParse(v, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var d)) return d;
        Error(node, $"'{key}' must be a number");
        return null;
    }

    public DateOnly? Date(YamlMappingNode map, string key)
    {
        var node = Child(map, key);
        if (node is null) return null;
        if (node is YamlScalarNode { Value: { } v } && DateOnly.TryParseExact(v, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date)) return date;
        Error(node, $"'{key}' must be a date written YYYY-MM-DD");
        return null;
    }

    public bool? Bool(YamlMappingNode map, string key)
    {
        var node = Child(map, key);
        if (node is null) return null;
        if (node is YamlScalarNode { Value: "true" or "false" } s) return s.Value == "true";
        Error(node, $"'{key}' must be true or false");
        return null;
    }

    /// <summary><c>key: { en: ..., fr: ... }</c>, both languages required.</summary>
    public LocalizedText? Text(YamlMappingNode map, string key, bool required)
    {
        var node = Child(map, key);
        if (node is null) { if (required) Error(map, $"'{key}' is required, with an 'en' and an 'fr' text"); return null; }
        if (Mapping(node, $"'{key}'") is not { } texts) return null;
        Keys(texts, $"'{key}'", "en", "fr");
        var en = String(texts, "en", required: true);
        var fr = String(texts, "fr", required: true);
        return en is null || fr is null ? null : new LocalizedText(en, fr);
    }

    /// <summary><c>key: { en: [...], fr: [...] }</c>.</summary>
    public LocalizedList Phrases(YamlMappingNode map, string key, bool required)
    {
        var node = Child(map, key);
        if (node is null) { if (required) Error(map, $"'{key}' is required, with 'en' and 'fr' lists"); return LocalizedList.Empty; }
        if (Mapping(node, $"'{key}'") is not { } lists) return LocalizedList.Empty;
        Keys(lists, $"'{key}'", "en", "fr");
        return new LocalizedList(Strings(lists, "en"), Strings(lists, "fr"));
    }

    private List<string> Strings(YamlMappingNode map, string key)
    {
        var result = new List<string>();
        foreach (var item in Sequence(map, key, required: true))
        {
            if (item is YamlScalarNode { Value: { } v } && v.Trim().Length > 0) result.Add(v.Trim());
            else Error(item, $"each entry of '{key}' must be a non-empty text");
        }
        return result;
    }

    /// <summary>Flags keys that are not expected: a typo must not silently drop content.</summary>
    public void Keys(YamlMappingNode map, string what, params string[] allowed)
    {
        foreach (var (k, _) in map.Children)
        {
            var name = (k as YamlScalarNode)?.Value ?? "?";
            if (!allowed.Contains(name, StringComparer.Ordinal))
                Error(k, $"unknown key '{name}' in {what}; expected one of: {string.Join(", ", allowed)}");
        }
    }

    public static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;
}
