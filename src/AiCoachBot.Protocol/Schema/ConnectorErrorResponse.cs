using System.Text.Json;
using System.Text.Json.Serialization;

namespace AiCoachBot.Protocol.Schema;

/// <summary>Both error shapes the connector uses: <c>{error:{code,message}}</c> and Teams' <c>{errorCode,message}</c>.</summary>
public sealed record ConnectorErrorResponse
{
    public ConnectorError? Error { get; init; }
    public JsonElement? ErrorCode { get; init; }
    public string? Message { get; init; }
}

public sealed record ConnectorError(string? Code, string? Message);
