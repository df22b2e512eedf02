using AiCoachBot.Coaching.Conversation;
using AiCoachBot.Protocol.Authentication;
using AiCoachBot.Protocol.Connector;
using AiCoachBot.Protocol.Schema;

namespace AiCoachBot.Host.Bot;

/// <summary>
/// The conversation's members from the Bot Connector (GET …/pagedmembers, …/members/{id}), known by their Entra id as
/// turns are. One page only: a card offers a handful of names, and anyone else is found by id.
/// </summary>
public sealed class ConnectorChannelMembers(IConnectorClient connector, ILogger<ConnectorChannelMembers> logger) : IChannelMembers
{
    public Task<IReadOnlyList<ChannelMember>?> ListAsync(ConversationScope scope, CancellationToken cancellationToken) =>
        AskAsync(scope, async serviceUrl =>
        {
            var page = await connector.GetPagedMembersAsync(serviceUrl, scope.ConversationId, continuationToken: null, cancellationToken);
            var members = (page.Members ?? []).Select(Member).OfType<ChannelMember>().ToList();
            return members.Count == 0 ? null : (IReadOnlyList<ChannelMember>)members;
        }, cancellationToken);

    public Task<ChannelMember?> FindAsync(ConversationScope scope, string id, CancellationToken cancellationToken) =>
        AskAsync(scope, async serviceUrl =>
        {
            try { return Member(await connector.GetMemberAsync(serviceUrl, scope.ConversationId, id, cancellationToken)); }
            catch (ConnectorException ex) when (ex.Status == System.Net.HttpStatusCode.NotFound) { return null; }
        }, cancellationToken);

    private async Task<T?> AskAsync<T>(ConversationScope scope, Func<string, Task<T?>> ask, CancellationToken cancellationToken) where T : class
    {
        if (scope.ServiceUrl is not { Length: > 0 } serviceUrl) return null;
        try { return await ask(serviceUrl); }
        catch (Exception ex) when (ex is ConnectorException or HttpRequestException or UntrustedServiceUrlException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            BotLog.MembersUnavailable(logger, ex.GetType().Name);
            return null;
        }
    }

    private static ChannelMember? Member(ChannelAccount? account) =>
        (account?.AadObjectId ?? account?.Id) is { Length: > 0 } id ? new ChannelMember(id, account!.Name ?? "?") : null;
}
