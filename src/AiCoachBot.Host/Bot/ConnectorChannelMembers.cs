using AiCoachBot.Coaching.Conversation;
using AiCoachBot.Protocol.Authentication;
using AiCoachBot.Protocol.Connector;

namespace AiCoachBot.Host.Bot;

/// <summary>The conversation's members from the Bot Connector (GET …/pagedmembers), known by their Entra id as turns are.</summary>
public sealed class ConnectorChannelMembers(IConnectorClient connector, ILogger<ConnectorChannelMembers> logger) : IChannelMembers
{
    /// <summary>Pages of 500: beyond this many pages the list is cut rather than keep a turn waiting.</summary>
    private const int MaxPages = 10;

    public async Task<IReadOnlyList<MentionedUser>?> ListAsync(ConversationScope scope, CancellationToken cancellationToken)
    {
        if (scope.ServiceUrl is not { Length: > 0 } serviceUrl) return null;
        var members = new List<MentionedUser>();
        string? next = null;
        try
        {
            for (var page = 0; page < MaxPages; page++)
            {
                var result = await connector.GetPagedMembersAsync(serviceUrl, scope.ConversationId, next, cancellationToken);
                members.AddRange((result.Members ?? []).Where(m => (m.AadObjectId ?? m.Id) is { Length: > 0 })
                    .Select(m => new MentionedUser(m.AadObjectId ?? m.Id!, m.Name ?? "?")));
                next = result.ContinuationToken;
                if (string.IsNullOrEmpty(next)) break;
            }
        }
        catch (Exception ex) when (ex is ConnectorException or HttpRequestException or UntrustedServiceUrlException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            BotLog.MembersUnavailable(logger, ex.GetType().Name);
            return null;
        }
        return members.Count == 0 ? null : members;
    }
}
