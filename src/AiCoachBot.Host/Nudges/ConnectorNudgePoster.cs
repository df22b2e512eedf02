using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using AiCoachBot.Coaching.Nudges;
using AiCoachBot.Protocol.Authentication;
using AiCoachBot.Protocol.Connector;
using AiCoachBot.Protocol.Schema;

namespace AiCoachBot.Host.Nudges;

/// <summary>
/// Posts a weekly card as a new post in the channel (POST /v3/conversations) and says plainly what became of it.
/// A refusal before delivery (429 after the client's own retries, 412, 503, no connection) may be tried again;
/// 403/404 mean the bot is gone from there; a gateway error or a timeout after sending may have delivered it.
/// </summary>
public sealed class ConnectorNudgePoster(IConnectorClient connector, TrustedServiceUrls trusted) : INudgePoster
{
    public Task<PostOutcome> PostAsync(ChannelReference channel, JsonObject card, CancellationToken cancellationToken)
    {
        var parameters = new ConversationParameters
        {
            IsGroup = true,
            TenantId = channel.TenantId,
            ChannelData = new TeamsChannelData { Channel = new TeamsId { Id = channel.ChannelId }, Tenant = new TeamsId { Id = channel.TenantId } },
            Activity = Activity.Message(attachments: [Attachment.AdaptiveCard(card)]),
        };
        return OutcomeOfAsync(channel, async () =>
        {
            var created = await connector.CreateConversationAsync(channel.ServiceUrl, parameters, cancellationToken);
            return new PostOutcome(PostResult.Posted, created.ActivityId ?? created.Id, created.Id);
        }, cancellationToken);
    }

    public Task<PostOutcome> ReplyAsync(ChannelReference channel, string threadId, string text, CancellationToken cancellationToken) =>
        OutcomeOfAsync(channel, async () =>
        {
            var sent = await connector.SendToConversationAsync(channel.ServiceUrl, threadId, Activity.Message(text) with { TextFormat = "markdown" }, cancellationToken);
            return new PostOutcome(PostResult.Posted, sent.Id, threadId);
        }, cancellationToken);

    private async Task<PostOutcome> OutcomeOfAsync(ChannelReference channel, Func<Task<PostOutcome>> post, CancellationToken cancellationToken)
    {
        // The address was stored from an authenticated activity of this channel: the bot's token may go there again.
        trusted.Trust(channel.ServiceUrl);
        try { return await post(); }
        catch (ConnectorException ex) when (ex.RecipientGone) { return new PostOutcome(PostResult.Gone, Problem: $"{(int)ex.Status} {ex.Code}"); }
        catch (ConnectorException ex) when (ex.Status is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable or HttpStatusCode.PreconditionFailed or HttpStatusCode.Unauthorized)
        {
            return new PostOutcome(PostResult.NotDelivered, Problem: $"{(int)ex.Status} {ex.Code}");
        }
        catch (ConnectorException ex) when ((int)ex.Status is >= 400 and < 500)
        {
            return new PostOutcome(PostResult.Gone, Problem: $"{(int)ex.Status} {ex.Code}");
        }
        catch (ConnectorException ex) { return new PostOutcome(PostResult.Unknown, Problem: $"{(int)ex.Status} {ex.Code}"); }
        catch (HttpRequestException ex) when (ex.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound })
        {
            return new PostOutcome(PostResult.NotDelivered, Problem: ex.Message);
        }
        catch (UntrustedServiceUrlException ex) { return new PostOutcome(PostResult.NotDelivered, Problem: ex.Message); }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return new PostOutcome(PostResult.Unknown, Problem: ex.GetType().Name);
        }
    }
}
