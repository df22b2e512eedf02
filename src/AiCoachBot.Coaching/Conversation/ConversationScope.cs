namespace AiCoachBot.Coaching.Conversation;

public enum ConversationKind { Personal, GroupChat, Channel }

/// <summary>Where a turn happens. A team's channels share one install, so the bot says hello once per team.</summary>
public sealed record ConversationScope(string TenantId, string ConversationId, ConversationKind Kind, string? TeamId)
{
    public string InstallScopeId => Kind == ConversationKind.Channel && !string.IsNullOrEmpty(TeamId) ? TeamId : ConversationId;
}
