using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AiCoachBot.Protocol.Hosting;

/// <summary>
/// Thumbs up or down that Teams sends (invoke <c>message/submitAction</c>, action "feedback") for the
/// message <see cref="ActivityId"/>, with the comment the user may type.
/// </summary>
public sealed record MessageFeedback(string ActivityId, string Reaction, string? Comment)
{
    public const string Invoke = "message/submitAction";
    public const int MaxComment = 4000;

    /// <summary>Reads the invoke; the problem is said plainly because it goes back in the 400.</summary>
    public static bool TryRead(JsonNode? value, string? replyToId, [NotNullWhen(true)] out MessageFeedback? feedback, [NotNullWhen(false)] out string? problem)
    {
        feedback = null;
        problem = null;
        if (value is not JsonObject body || Text(body["actionName"]) != "feedback") problem = "value.actionName must be 'feedback'.";
        else if (body["actionValue"] is not JsonObject action) problem = "value.actionValue must be an object.";
        else if (Text(action["reaction"]) is not ("like" or "dislike")) problem = "value.actionValue.reaction must be 'like' or 'dislike'.";
        else if (string.IsNullOrEmpty(replyToId)) problem = "replyToId is required: it names the message the feedback is about.";
        else feedback = new MessageFeedback(replyToId, Text(action["reaction"])!, CommentOf(action["feedback"]));
        return feedback is not null;
    }

    /// <summary>Teams sends the comment as a JSON string holding <c>{"feedbackText": "..."}</c>; older clients as plain text.</summary>
    private static string? CommentOf(JsonNode? node)
    {
        var raw = Text(node);
        if (string.IsNullOrWhiteSpace(raw)) return null;
        try
        {
            if (raw.TrimStart().StartsWith('{') && JsonNode.Parse(raw) is JsonObject parsed) raw = Text(parsed["feedbackText"]);
        }
        catch (JsonException) { }
        return string.IsNullOrWhiteSpace(raw) ? null : raw.Length > MaxComment ? raw[..MaxComment] : raw;
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
}
