using System.Text.Json;
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
        activity.ChannelData?.Team?.Id,
        activity.ChannelData?.Channel?.Id,
        activity.ServiceUrl);

    public static UserTurn Turn(Activity activity, System.Text.Json.Nodes.JsonObject? value, string? verb = null) => new(
        Scope(activity),
        UserId(activity),
        activity.From?.Name,
        Locale(activity),
        activity.Text,
        value,
        verb,
        activity.Entities?.FirstOrDefault(e => e?.Type == "clientInfo")?.Timezone ?? activity.LocalTimezone,
        activity.From?.Id,
        [.. (activity.Entities ?? []).Where(e => e?.Type == "mention" && e.Mentioned?.Id is { Length: > 0 } id && id != activity.Recipient?.Id)
            .Select(e => new MentionedUser(e!.Mentioned!.Id!, e.Mentioned.Name ?? "?")).DistinctBy(m => m.Id)]);

    /// <summary>The Entra object id is stable across chats; the channel id is the fallback.</summary>
    public static string UserId(Activity activity) => activity.From?.AadObjectId ?? activity.From?.Id ?? "unknown-user";

    public static string? Locale(Activity activity) =>
        activity.Locale ?? activity.Entities?.FirstOrDefault(e => e?.Type == "clientInfo")?.Locale;

    public static Activity ToActivity(OutgoingMessage message)
    {
        var activity = message.Card is { } card
            ? Activity.Message(attachments: [Attachment.AdaptiveCard(card)])
            : Activity.Message(message.Text) with { TextFormat = "markdown" };
        return message.Answer is { } answer ? WithAnswerFeatures(activity, answer) : activity;
    }

    /// <summary>The "AI generated" label, the citations and Teams' thumbs up / down on a coach's answer.</summary>
    private static Activity WithAnswerFeatures(Activity activity, AnswerPresentation answer) => activity with
    {
        Entities = [AiMessageEntity.Create(answer.AiGenerated, answer.Citations.Select(c => new CitationClaim(c.Position, c.Name, c.Abstract, c.Keywords, c.ArticleCard)).ToList())],
        ChannelData = new TeamsChannelData
        {
            Extra = new Dictionary<string, JsonElement>
            {
                // Current clients read feedbackLoop; older ones (and the Agents Playground) feedbackLoopEnabled.
                ["feedbackLoop"] = Json("""{"type":"default"}"""),
                ["feedbackLoopEnabled"] = Json("true"),
            },
        },
    };

    private static JsonElement Json(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
