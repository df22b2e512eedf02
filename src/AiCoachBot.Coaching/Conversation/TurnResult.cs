using System.Text.Json.Nodes;

namespace AiCoachBot.Coaching.Conversation;

/// <summary>
/// One message to post: a card (with its own text fallback), plain text, or a document to hand over.
/// A coach's answer also carries <see cref="Answer"/>: its label, citations and feedback. A card that will be
/// updated later for everyone carries <see cref="Track"/>: once posted, its activity id is handed back with that key.
/// </summary>
public sealed record OutgoingMessage(JsonObject? Card, string? Text, ExportDocument? Document = null, AnswerPresentation? Answer = null, string? Track = null)
{
    public static OutgoingMessage OfCard(JsonObject card) => new(card, null);
    public static OutgoingMessage OfText(string text) => new(null, text);
    public static OutgoingMessage OfDocument(ExportDocument document) => new(null, null, document);
}

/// <summary>
/// How Teams shows a coach's answer: the "AI generated" label when a model wrote it, the cited articles
/// behind its <c>[n]</c> markers (each opening the article), and thumbs up / down. <see cref="Record"/> is
/// stored once the message is posted, under its activity id, so the feedback can find it.
/// </summary>
public sealed record AnswerPresentation(bool AiGenerated, IReadOnlyList<CitationView> Citations, Coach.AnswerRecord Record);

/// <summary>A citation as Teams shows it: name, a short abstract, keywords, and the article as a card.</summary>
public sealed record CitationView(int Position, string Name, string Abstract, IReadOnlyList<string> Keywords, JsonObject ArticleCard);

/// <summary>
/// A Markdown document for the user: sent as a file where the chat allows it, as messages elsewhere.
/// <see cref="Reference"/> lets the coach build it again when the user accepts the file.
/// </summary>
public sealed record ExportDocument(string FileName, string Description, string Intro, string Markdown, JsonObject Reference);

/// <summary>
/// What the bot does in answer to a turn: messages to post, and for a card button the card that replaces the pressed
/// one (for the one who pressed it) or a short notice shown beside it. <see cref="Later"/> is work done once the
/// answer is given, since Teams waits only five seconds for a button's answer: updating cards posted earlier for
/// everyone, or asking a language model. Work with the same <see cref="LaterKey"/> runs one at a time, in order.
/// </summary>
public sealed record TurnResult(
    IReadOnlyList<OutgoingMessage> Messages, JsonObject? ReplaceCard = null, string? Notice = null, LaterWork? Later = null, string? LaterKey = null)
{
    public static TurnResult None { get; } = new([]);

    public static TurnResult Say(params OutgoingMessage[] messages) => new(messages);
}

/// <summary>A card the bot posted earlier, to replace for everyone who sees it.</summary>
public sealed record CardUpdate(string ServiceUrl, string ConversationId, string ActivityId, JsonObject Card);

/// <summary>Work left for after a turn's answer; it hands the cards to update to <paramref name="publish"/>, as often as it has some.</summary>
public delegate Task LaterWork(Func<IReadOnlyList<CardUpdate>, Task> publish, CancellationToken cancellationToken);
