namespace AiCoachBot.Coaching.Conversation;

/// <summary>The members of the conversation a turn happens in (a channel's: its team's), as Teams lists them.</summary>
public interface IChannelMembers
{
    /// <summary>Null when Teams would not say (no permission, a network failure): the caller falls back to the people it knows.</summary>
    Task<IReadOnlyList<MentionedUser>?> ListAsync(ConversationScope scope, CancellationToken cancellationToken);
}
