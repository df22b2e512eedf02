using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AiCoachBot.Coaching.Localization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AiCoachBot.Coaching.Content;

/// <summary>
/// Adaptive Cards written as YAML in <c>cards/</c>. Strings say <c>{{key}}</c> for a text of the strings
/// files and <c>{arg}</c> for a value filled at run time; a list item <c>$slot: name</c> is replaced by
/// elements the code builds (a list of commands, say).
/// </summary>
public sealed partial class CardTemplates
{
    public const string MaxVersion = "1.5";
    private readonly Dictionary<(string, Language), JsonObject> _localized;

    private CardTemplates(Dictionary<(string, Language), JsonObject> localized) => _localized = localized;

    public IEnumerable<string> Names => _localized.Keys.Select(k => k.Item1).Distinct();

    public JsonObject Render(string name, Language language, IReadOnlyDictionary<string, string>? args = null, IReadOnlyDictionary<string, IReadOnlyList<JsonNode>>? slots = null)
    {
        var card = (JsonObject)_localized[(name, language)].DeepClone();
        Fill(card, args ?? new Dictionary<string, string>(), slots ?? new Dictionary<string, IReadOnlyList<JsonNode>>());
        return card;
    }

    public static CardTemplates Load(string root, StringCatalog strings, IEnumerable<string> requiredCards, ContentErrors errors, bool checkTextKeys = true)
    {
        var localized = new Dictionary<(string, Language), JsonObject>();
        var folder = Path.Combine(root, "cards");
        var files = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.yaml").Order(StringComparer.Ordinal) : Enumerable.Empty<string>();
        foreach (var full in files)
        {
            var name = Path.GetFileNameWithoutExtension(full);
            var display = $"cards/{name}.yaml";
            var file = new YamlFile(display, errors);
            if (file.Mapping(YamlFile.Load(full, display, errors), "a card") is not { } map) continue;
            if (file.String(map, "type", required: true) is { } type && type != "AdaptiveCard") file.Error(map, "type must be AdaptiveCard");
            if (file.String(map, "version", required: true) is { } version && !IsSupportedVersion(version))
                file.Error(map, $"version {version} is not shown by Teams: use {MaxVersion} or lower");
            var json = (JsonObject)ToJson(map, checkTextKeys ? file : null, strings)!;
            foreach (var language in Languages.All) localized[(name, language)] = (JsonObject)Localize(json, strings, language)!;
        }
        foreach (var missing in requiredCards.Where(c => !localized.ContainsKey((c, Language.En))))
            errors.Add($"cards/{missing}.yaml", 0, "the file is missing: the bot needs this card");
        return new CardTemplates(localized);
    }

    private static bool IsSupportedVersion(string version) =>
        System.Version.TryParse(version, out var v) && v <= System.Version.Parse(MaxVersion);

    private static JsonNode? ToJson(YamlNode node, YamlFile? file, StringCatalog strings) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value ?? "", ToJson(c.Value, file, strings)))),
        YamlSequenceNode seq => new JsonArray(seq.Children.Select(c => ToJson(c, file, strings)).ToArray()),
        YamlScalarNode scalar => Scalar(scalar, file, strings),
        _ => null,
    };

    private static JsonNode? Scalar(YamlScalarNode scalar, YamlFile? file, StringCatalog strings)
    {
        var value = scalar.Value ?? "";
        if (scalar.Style == ScalarStyle.Plain)
        {
            if (value is "true" or "false") return JsonValue.Create(value == "true");
            if (value is "null" or "~") return null;
            if (decimal.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number)) return JsonValue.Create(number);
        }
        foreach (Match m in TextKey().Matches(value))
        {
            if (file is not null && !strings.Contains(m.Groups[1].Value)) file.Error(scalar, $"'{{{{{m.Groups[1].Value}}}}}' is not a key of the strings files");
        }
        return JsonValue.Create(value);
    }

    private static JsonNode? Localize(JsonNode? node, StringCatalog strings, Language language) => node switch
    {
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, Localize(p.Value, strings, language)))),
        JsonArray a => new JsonArray(a.Select(i => Localize(i, strings, language)).ToArray()),
        JsonValue v when v.TryGetValue<string>(out var s) => JsonValue.Create(TextKey().Replace(s, m => strings.Contains(m.Groups[1].Value) ? strings.Get(language, m.Groups[1].Value) : m.Value)),
        _ => node?.DeepClone(),
    };

    private static void Fill(JsonNode node, IReadOnlyDictionary<string, string> args, IReadOnlyDictionary<string, IReadOnlyList<JsonNode>> slots)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var key in o.Select(p => p.Key).ToList())
                {
                    if (o[key] is JsonValue v && v.TryGetValue<string>(out var s)) o[key] = Arg().Replace(s, m => args.TryGetValue(m.Groups[1].Value, out var a) ? a : m.Value);
                    else if (o[key] is { } child) Fill(child, args, slots);
                }
                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    if (a[i] is JsonObject slot && slot["$slot"]?.GetValue<string>() is { } name)
                    {
                        a.RemoveAt(i);
                        foreach (var element in slots.TryGetValue(name, out var items) ? items : [])
                            a.Insert(i++, element.DeepClone());
                        i--;
                    }
                    else if (a[i] is JsonValue v && v.TryGetValue<string>(out var s)) a[i] = Arg().Replace(s, m => args.TryGetValue(m.Groups[1].Value, out var x) ? x : m.Value);
                    else if (a[i] is { } child) Fill(child, args, slots);
                }
                break;
        }
    }

    [GeneratedRegex(@"\{\{([a-zA-Z0-9_.\-]+)\}\}")]
    private static partial Regex TextKey();

    [GeneratedRegex(@"(?<!\{)\{([a-zA-Z][a-zA-Z0-9]*)\}(?!\})")]
    private static partial Regex Arg();
}
