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

    /// <summary>A button that sends a command (and any further data) back as the user's turn.</summary>
    public static JsonObject Submit(string title, string command, string? style = null)
    {
        var button = new JsonObject { ["type"] = "Action.Submit", ["title"] = title, ["data"] = new JsonObject { ["command"] = command } };
        if (style is not null) button["style"] = style;
        return button;
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
