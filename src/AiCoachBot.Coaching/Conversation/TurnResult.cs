using System.Text.Json.Nodes;

namespace AiCoachBot.Coaching.Conversation;

/// <summary>One message to post: a card (with its own text fallback) or plain text.</summary>
public sealed record OutgoingMessage(JsonObject? Card, string? Text)
{
    public static OutgoingMessage OfCard(JsonObject card) => new(card, null);
    public static OutgoingMessage OfText(string text) => new(null, text);
}

/// <summary>
/// What the bot does in answer to a turn: messages to post, and for a card button, the card that
/// replaces the pressed one or a short notice shown beside it.
/// </summary>
public sealed record TurnResult(IReadOnlyList<OutgoingMessage> Messages, JsonObject? ReplaceCard = null, string? Notice = null)
{
    public static TurnResult None { get; } = new([]);

    public static TurnResult Say(params OutgoingMessage[] messages) => new(messages);
}
