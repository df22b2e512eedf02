namespace AiCoachBot.Coaching.Conversation;

/// <summary>Someone in the conversation, as Teams lists them: by the id turns carry (Entra when known) and their name.</summary>
public sealed record ChannelMember(string Id, string Name);

/// <summary>The members of the conversation a turn happens in (a channel's: its team's), as Teams lists them.</summary>
public interface IChannelMembers
{
    /// <summary>
    /// The first members Teams lists, enough to offer as choices; null when Teams would not say (no permission, a
    /// network failure): the caller falls back to the people it knows.
    /// </summary>
    Task<IReadOnlyList<ChannelMember>?> ListAsync(ConversationScope scope, CancellationToken cancellationToken);

    /// <summary>The member with this id, or null when they are not in the conversation or Teams would not say.</summary>
    Task<ChannelMember?> FindAsync(ConversationScope scope, string id, CancellationToken cancellationToken);
}
