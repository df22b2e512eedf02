namespace AiCoachBot.Protocol.Schema;

public sealed record ResourceResponse(string? Id);

public sealed record ConversationResourceResponse(string? Id, string? ActivityId, string? ServiceUrl);

/// <summary>A page of conversation members (GET …/pagedmembers).</summary>
public sealed record PagedMembersResult(IReadOnlyList<ChannelAccount>? Members, string? ContinuationToken);

public sealed record ConversationParameters
{
    public bool? IsGroup { get; init; }
    public ChannelAccount? Bot { get; init; }
    public IReadOnlyList<ChannelAccount>? Members { get; init; }
    public string? TopicName { get; init; }
    public string? TenantId { get; init; }
    public Activity? Activity { get; init; }
    public TeamsChannelData? ChannelData { get; init; }
}
