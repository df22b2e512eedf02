using AiCoachBot.Protocol.Connector;
using AiCoachBot.Protocol.Schema;

namespace AiCoachBot.Protocol.Hosting;

/// <summary>One inbound activity and the means to answer it through the connector.</summary>
public sealed class TurnContext(Activity activity, IConnectorClient connector, TypingIndicator typing)
{
    public Activity Activity { get; } = activity;
    public IConnectorClient Connector { get; } = connector;

    /// <summary>Sends a message into the conversation, as a reply to the inbound activity when it has an id.</summary>
    public async Task<ResourceResponse> SendAsync(Activity reply, CancellationToken cancellationToken)
    {
        typing.Stop();
        var outbound = Addressed(reply);
        var serviceUrl = Activity.ServiceUrl!;
        var conversationId = Activity.Conversation!.Id!;
        return string.IsNullOrEmpty(Activity.Id)
            ? await Connector.SendToConversationAsync(serviceUrl, conversationId, outbound, cancellationToken)
            : await Connector.ReplyToActivityAsync(serviceUrl, conversationId, Activity.Id, outbound with { ReplyToId = Activity.Id }, cancellationToken);
    }

    /// <summary>Posts into the conversation without replying to anything (install events have no message to answer).</summary>
    public Task<ResourceResponse> SendToConversationAsync(Activity message, CancellationToken cancellationToken)
    {
        typing.Stop();
        return Connector.SendToConversationAsync(Activity.ServiceUrl!, Activity.Conversation!.Id!, Addressed(message), cancellationToken);
    }

    public Task<ResourceResponse> UpdateAsync(string activityId, Activity replacement, CancellationToken cancellationToken) =>
        Connector.UpdateActivityAsync(Activity.ServiceUrl!, Activity.Conversation!.Id!, activityId, Addressed(replacement) with { Id = activityId }, cancellationToken);

    internal Activity Addressed(Activity reply) => reply with
    {
        ChannelId = reply.ChannelId ?? Activity.ChannelId,
        Conversation = reply.Conversation ?? new ConversationAccount { Id = Activity.Conversation!.Id },
        From = reply.From ?? Activity.Recipient,
        Recipient = reply.Recipient ?? Activity.From,
        Locale = reply.Locale ?? Activity.Locale,
    };
}
