namespace AiCoachBot.Protocol.Connector;

/// <summary>Connector URLs. Every segment is escaped: Teams ids carry ':', '@' and ';'.</summary>
public static class ConnectorPaths
{
    public static Uri Conversations(string serviceUrl) => new($"{Base(serviceUrl)}/v3/conversations");

    public static Uri Activities(string serviceUrl, string conversationId) =>
        new($"{Base(serviceUrl)}/v3/conversations/{Uri.EscapeDataString(conversationId)}/activities");

    public static Uri Activity(string serviceUrl, string conversationId, string activityId) =>
        new($"{Base(serviceUrl)}/v3/conversations/{Uri.EscapeDataString(conversationId)}/activities/{Uri.EscapeDataString(activityId)}");

    /// <summary>A channel's members are asked of the channel's conversation, not of one of its threads (";messageid=…").</summary>
    public static Uri PagedMembers(string serviceUrl, string conversationId, string? continuationToken)
    {
        var channel = conversationId.Split(";messageid=", 2)[0];
        var query = continuationToken is null ? "?pageSize=100" : $"?pageSize=100&continuationToken={Uri.EscapeDataString(continuationToken)}";
        return new($"{Base(serviceUrl)}/v3/conversations/{Uri.EscapeDataString(channel)}/pagedmembers{query}");
    }

    public static Uri Member(string serviceUrl, string conversationId, string memberId) =>
        new($"{Base(serviceUrl)}/v3/conversations/{Uri.EscapeDataString(conversationId.Split(";messageid=", 2)[0])}/members/{Uri.EscapeDataString(memberId)}");

    private static string Base(string serviceUrl) => serviceUrl.TrimEnd('/');
}
