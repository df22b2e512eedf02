using System.Text.Json.Nodes;

namespace AiCoachBot.Coaching.Content;

/// <summary>Reads what a card sent back. Anything can arrive there, so only a string of a sane length counts.</summary>
public static class CardValues
{
    /// <summary>Ids, commands and verbs: short by construction.</summary>
    public const int MaxIdLength = 200;

    /// <summary>Typed inputs: longer, checked field by field afterwards.</summary>
    public const int MaxInputLength = 2000;

    public static string? Text(JsonNode? node, int maxLength = MaxIdLength) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) && s.Length <= maxLength ? s : null;
}
