using Microsoft.Extensions.Logging;

namespace AiCoachBot.Protocol.Hosting;

internal static partial class ProtocolLog
{
    [LoggerMessage(1001, LogLevel.Warning, "Rejected an activity: {Reason}")]
    public static partial void Rejected(ILogger logger, string reason);

    [LoggerMessage(1002, LogLevel.Warning, "Unauthenticated request refused: {Reason}")]
    public static partial void Unauthenticated(ILogger logger, string reason);

    [LoggerMessage(1003, LogLevel.Error, "Cannot verify tokens, requests are refused until the OpenID metadata can be read: {Reason}")]
    public static partial void MetadataUnavailable(ILogger logger, string reason);

    [LoggerMessage(1004, LogLevel.Error, "The turn failed")]
    public static partial void TurnFailed(ILogger logger, Exception exception);

    [LoggerMessage(1005, LogLevel.Debug, "Turn handled in {ElapsedMs} ms")]
    public static partial void TurnHandled(ILogger logger, double elapsedMs);

    [LoggerMessage(1006, LogLevel.Warning, "Local mode: refused a request that did not come from loopback ({Remote})")]
    public static partial void NotLoopback(ILogger logger, string? remote);

    [LoggerMessage(1007, LogLevel.Warning, "Local mode: no MicrosoftAppId is set, so requests are NOT authenticated. Only loopback callers are served. Set MicrosoftAppId, MicrosoftAppPassword and MicrosoftAppTenantId before exposing the bot.")]
    public static partial void LocalMode(ILogger logger);

    [LoggerMessage(1008, LogLevel.Critical, "Refusing to start: no MicrosoftAppId is set (local mode, unauthenticated) but the server listens on {Address}, which is not loopback. Bind to 127.0.0.1 (--urls http://127.0.0.1:3978) or configure MicrosoftAppId, MicrosoftAppPassword and MicrosoftAppTenantId.")]
    public static partial void LocalModeExposed(ILogger logger, string address);

    [LoggerMessage(1009, LogLevel.Warning, "Refused to upload a file: {Reason}")]
    public static partial void UploadRefused(ILogger logger, string reason);

    [LoggerMessage(1010, LogLevel.Warning, "File upload to {Host} failed: {Reason}")]
    public static partial void UploadFailed(ILogger logger, string host, string reason);
}
