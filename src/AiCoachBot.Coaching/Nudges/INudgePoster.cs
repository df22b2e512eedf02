using System.Text.Json.Nodes;

namespace AiCoachBot.Coaching.Nudges;

/// <summary>What became of a post into a channel.</summary>
public enum PostResult
{
    /// <summary>Teams has it: <see cref="PostOutcome.ActivityId"/> names it.</summary>
    Posted,
    /// <summary>Refused before delivery (429, 503, no connection): safe to try again later.</summary>
    NotDelivered,
    /// <summary>The bot cannot post there any more (403, 404: removed from the team, channel deleted).</summary>
    Gone,
    /// <summary>It may or may not have arrived (a gateway timeout after sending): never repeated.</summary>
    Unknown,
}

public sealed record PostOutcome(PostResult Result, string? ActivityId = null, string? ConversationId = null, TimeSpan? RetryAfter = null, string? Problem = null);

/// <summary>Posts into a channel without being spoken to first: a card as a new post, or a reply in a thread.</summary>
public interface INudgePoster
{
    Task<PostOutcome> PostAsync(ChannelReference channel, JsonObject card, CancellationToken cancellationToken);

    /// <summary>A short text in the thread a post started (the reminder).</summary>
    Task<PostOutcome> ReplyAsync(ChannelReference channel, string threadId, string text, CancellationToken cancellationToken);
}
