using System.Text.Json.Nodes;

namespace AiCoachBot.Coaching.Conversation;

/// <summary>One message to post: a card (with its own text fallback), plain text, or a document to hand over.</summary>
public sealed record OutgoingMessage(JsonObject? Card, string? Text, ExportDocument? Document = null)
{
    public static OutgoingMessage OfCard(JsonObject card) => new(card, null);
    public static OutgoingMessage OfText(string text) => new(null, text);
    public static OutgoingMessage OfDocument(ExportDocument document) => new(null, null, document);
}

/// <summary>
/// A Markdown document for the user: sent as a file where the chat allows it, as messages elsewhere.
/// <see cref="Reference"/> lets the coach build it again when the user accepts the file.
/// </summary>
public sealed record ExportDocument(string FileName, string Description, string Intro, string Markdown, JsonObject Reference);

/// <summary>
/// What the bot does in answer to a turn: messages to post, and for a card button, the card that
/// replaces the pressed one or a short notice shown beside it.
/// </summary>
public sealed record TurnResult(IReadOnlyList<OutgoingMessage> Messages, JsonObject? ReplaceCard = null, string? Notice = null)
{
    public static TurnResult None { get; } = new([]);

    public static TurnResult Say(params OutgoingMessage[] messages) => new(messages);
}
