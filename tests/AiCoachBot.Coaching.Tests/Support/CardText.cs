using System.Text.Json;
using System.Text.Json.Nodes;

namespace AiCoachBot.Coaching.Tests.Support;

/// <summary>Every string of a card, as a reader sees them (JSON escapes undone).</summary>
internal static class CardText
{
    public static string Of(JsonNode? node) => node switch
    {
        null => "",
        JsonObject o => string.Join(" ", o.Select(p => Of(p.Value))),
        JsonArray a => string.Join(" ", a.Select(Of)),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => "",
    };
}
