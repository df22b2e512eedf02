using System.Text.Json.Nodes;

namespace AiCoachBot.Protocol.Hosting;

/// <summary>The <c>value.action</c> of an <c>adaptiveCard/action</c> invoke.</summary>
public sealed record AdaptiveCardAction(string? Verb, JsonObject Data, string? Trigger)
{
    public static AdaptiveCardAction? Parse(JsonNode? value)
    {
        if (value is not JsonObject root || root["action"] is not JsonObject action) return null;
        if (action["type"] is not JsonValue type || !type.TryGetValue<string>(out var t) || t != "Action.Execute") return null;
        var verb = action["verb"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        var data = action["data"] as JsonObject ?? [];
        var trigger = root["trigger"] is JsonValue tr && tr.TryGetValue<string>(out var ts) ? ts : null;
        return new AdaptiveCardAction(verb, data, trigger);
    }
}
