using AiCoachBot.Coaching.Conversation;
using AiCoachBot.Protocol.Schema;

namespace AiCoachBot.Host.Bot;

/// <summary>Reads a Teams activity as the coaching domain sees a turn.</summary>
internal static class ActivityMapping
{
    public static ConversationScope Scope(Activity activity) => new(
        activity.Conversation?.TenantId ?? activity.ChannelData?.Tenant?.Id ?? "no-tenant",
        activity.Conversation!.Id!,
        activity.Conversation.ConversationType switch
        {
            "channel" => ConversationKind.Channel,
            "groupChat" => ConversationKind.GroupChat,
            _ => activity.Conversation.IsGroup == true ? ConversationKind.GroupChat : ConversationKind.Personal,
        },
        activity.ChannelData?.Team?.Id);

    public static UserTurn Turn(Activity activity, System.Text.Json.Nodes.JsonObject? value, string? verb = null) => new(
        Scope(activity),
        UserId(activity),
        activity.From?.Name,
        Locale(activity),
        activity.Text,
        value,
        verb);

    /// <summary>The Entra object id is stable across chats; the channel id is the fallback.</summary>
    public static string UserId(Activity activity) => activity.From?.AadObjectId ?? activity.From?.Id ?? "unknown-user";

    public static string? Locale(Activity activity) =>
        activity.Locale ?? activity.Entities?.FirstOrDefault(e => e?.Type == "clientInfo")?.Locale;

    public static Activity ToActivity(OutgoingMessage message) => message.Card is { } card
        ? Activity.Message(attachments: [Attachment.AdaptiveCard(card)])
        : Activity.Message(message.Text) with { TextFormat = "markdown" };
}
