using System.Collections.Concurrent;
using AiCoachBot.Protocol.Connector;
using AiCoachBot.Protocol.Schema;

namespace AiCoachBot.Protocol.Tests.Support;

public sealed record ConnectorCall(string Operation, string ServiceUrl, string? ConversationId, string? ActivityId, Activity? Activity);

/// <summary>An <see cref="IConnectorClient"/> that only writes down what it was asked to send.</summary>
public sealed class RecordingConnectorClient : IConnectorClient
{
    private readonly ConcurrentQueue<ConnectorCall> _calls = new();

    public IReadOnlyList<ConnectorCall> Calls => [.. _calls];

    /// <summary>When set, every call is recorded and then fails with this exception.</summary>
    public Func<Exception>? FailWith { get; set; }

    public Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken) =>
        Record(new ConnectorCall("send", serviceUrl, conversationId, null, activity));

    public Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) =>
        Record(new ConnectorCall("reply", serviceUrl, conversationId, activityId, activity));

    public Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) =>
        Record(new ConnectorCall("update", serviceUrl, conversationId, activityId, activity));

    public async Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken)
    {
        var sent = await Record(new ConnectorCall("create", serviceUrl, null, null, parameters.Activity));
        return new ConversationResourceResponse(sent.Id, null, null);
    }

    public Task<PagedMembersResult> GetPagedMembersAsync(string serviceUrl, string conversationId, string? continuationToken, CancellationToken cancellationToken) =>
        Task.FromResult(new PagedMembersResult([], null));

    public Task<ChannelAccount?> GetMemberAsync(string serviceUrl, string conversationId, string memberId, CancellationToken cancellationToken) =>
        Task.FromResult<ChannelAccount?>(null);

    private Task<ResourceResponse> Record(ConnectorCall call)
    {
        _calls.Enqueue(call);
        if (FailWith is { } failure) return Task.FromException<ResourceResponse>(failure());
        return Task.FromResult(new ResourceResponse($"sent-{_calls.Count}"));
    }
}
