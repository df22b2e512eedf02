using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using AiCoachBot.Protocol.Schema;

namespace AiCoachBot.Protocol.Connector;

public sealed class ConnectorClient(HttpClient http) : IConnectorClient
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    public Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, ConnectorPaths.Activities(serviceUrl, conversationId), activity, cancellationToken);

    public Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, ConnectorPaths.Activity(serviceUrl, conversationId, activityId), activity, cancellationToken);

    public Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Put, ConnectorPaths.Activity(serviceUrl, conversationId, activityId), activity, cancellationToken);

    public async Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken)
    {
        var body = ProtocolJson.Serialize(parameters);
        return await ExchangeAsync(HttpMethod.Post, ConnectorPaths.Conversations(serviceUrl), body, ProtocolJsonContext.Default.ConversationResourceResponse, cancellationToken)
            ?? new ConversationResourceResponse(null, null, null);
    }

    public async Task<PagedMembersResult> GetPagedMembersAsync(string serviceUrl, string conversationId, string? continuationToken, CancellationToken cancellationToken) =>
        await ExchangeAsync(HttpMethod.Get, ConnectorPaths.PagedMembers(serviceUrl, conversationId, continuationToken), null, ProtocolJsonContext.Default.PagedMembersResult, cancellationToken)
            ?? new PagedMembersResult(null, null);

    public Task<ChannelAccount?> GetMemberAsync(string serviceUrl, string conversationId, string memberId, CancellationToken cancellationToken) =>
        ExchangeAsync(HttpMethod.Get, ConnectorPaths.Member(serviceUrl, conversationId, memberId), null, ProtocolJsonContext.Default.ChannelAccount, cancellationToken);

    private async Task<ResourceResponse> SendAsync(HttpMethod method, Uri uri, Activity activity, CancellationToken cancellationToken) =>
        await ExchangeAsync(method, uri, ProtocolJson.Serialize(activity), ProtocolJsonContext.Default.ResourceResponse, cancellationToken)
            ?? new ResourceResponse(null);

    private async Task<T?> ExchangeAsync<T>(HttpMethod method, Uri uri, byte[]? body, JsonTypeInfo<T> responseType, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, uri);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = Json;
        }
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (!response.IsSuccessStatusCode) throw ConnectorErrors.From(response.StatusCode, bytes);
        if (bytes.Length == 0) return default;
        try { return JsonSerializer.Deserialize(bytes, responseType); }
        catch (JsonException) { return default; }
    }
}
