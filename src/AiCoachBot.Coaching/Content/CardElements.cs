using System.Text.Json.Nodes;

namespace AiCoachBot.Coaching.Content;

/// <summary>The few Adaptive Card 1.5 elements the code builds itself (cards written as content are in cards/).</summary>
public static class CardElements
{
    public static JsonObject Text(string text, bool subtle = false, string? size = null, string? weight = null, string? color = null, bool separator = false)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        if (subtle) block["isSubtle"] = true;
        if (size is not null) block["size"] = size;
        if (weight is not null) block["weight"] = weight;
        if (color is not null) block["color"] = color;
        if (separator) { block["separator"] = true; block["spacing"] = "Medium"; }
        return block;
    }

    /// <summary>Text the user wrote goes in a TextRun, which renders no markdown: a typed "[link](…)" stays text.</summary>
    public static JsonObject UserText(string text, string? size = null, string? weight = null)
    {
        var run = new JsonObject { ["type"] = "TextRun", ["text"] = text };
        if (size is not null) run["size"] = size;
        if (weight is not null) run["weight"] = weight;
        return new JsonObject { ["type"] = "RichTextBlock", ["inlines"] = new JsonArray(run) };
    }

    public static JsonObject Card(JsonArray body, JsonArray actions, string fallbackText)
    {
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.5",
            ["fallbackText"] = fallbackText,
            ["body"] = body,
        };
        if (actions.Count > 0) card["actions"] = actions;
        return card;
    }
}
