namespace AiCoachBot.Protocol.Connector;

/// <summary>Connector URLs. Every segment is escaped: Teams ids carry ':', '@' and ';'.</summary>
public static class ConnectorPaths
{
    public static Uri Conversations(string serviceUrl) => new($"{Base(serviceUrl)}/v3/conversations");

    public static Uri Activities(string serviceUrl, string conversationId) =>
        new($"{Base(serviceUrl)}/v3/conversations/{Uri.EscapeDataString(conversationId)}/activities");

    public static Uri Activity(string serviceUrl, string conversationId, string activityId) =>
        new($"{Base(serviceUrl)}/v3/conversations/{Uri.EscapeDataString(conversationId)}/activities/{Uri.EscapeDataString(activityId)}");

    private static string Base(string serviceUrl) => serviceUrl.TrimEnd('/');
}
