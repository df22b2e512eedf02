using System.Net;

namespace AiCoachBot.Protocol.Connector;

/// <summary>The connector refused or failed an operation. <see cref="Code"/> is the Teams error code when it gave one.</summary>
public sealed class ConnectorException(HttpStatusCode status, string? code, string message) : Exception(message)
{
    public HttpStatusCode Status { get; } = status;
    public string? Code { get; } = code;

    /// <summary>The user blocked or removed the bot, or the conversation is gone: retrying will not help.</summary>
    public bool RecipientGone => Status is HttpStatusCode.Forbidden or HttpStatusCode.NotFound;
    public bool Throttled => Status == HttpStatusCode.TooManyRequests;
}
