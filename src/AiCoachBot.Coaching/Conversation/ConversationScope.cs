namespace AiCoachBot.Coaching.Conversation;

public enum ConversationKind { Personal, GroupChat, Channel }

/// <summary>
/// Where a turn happens. A team's channels share one install, so the bot says hello once per team. In a channel,
/// <see cref="ChannelId"/> names the channel (the conversation id also names the thread) and <see cref="ServiceUrl"/>
/// is where the bot can post there later.
/// </summary>
public sealed record ConversationScope(string TenantId, string ConversationId, ConversationKind Kind, string? TeamId, string? ChannelId = null, string? ServiceUrl = null)
{
    public string InstallScopeId => Kind == ConversationKind.Channel && !string.IsNullOrEmpty(TeamId) ? TeamId : ConversationId;
}
