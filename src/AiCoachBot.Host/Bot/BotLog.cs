namespace AiCoachBot.Host.Bot;

internal static partial class BotLog
{
    [LoggerMessage(2001, LogLevel.Warning, "Could not tell the user the turn failed")]
    public static partial void ApologyFailed(ILogger logger, Exception exception);

    [LoggerMessage(2002, LogLevel.Information, "Could not mark the answered card ({Status} {Code})")]
    public static partial void CardUpdateFailed(ILogger logger, int status, string? code);

    [LoggerMessage(2003, LogLevel.Warning, "Could not upload an export to the user's OneDrive ({Outcome}, HTTP {Status}); sent it as messages")]
    public static partial void ExportUploadFailed(ILogger logger, string outcome, int? status);

    [LoggerMessage(2004, LogLevel.Information, "Could not list the conversation's members ({Reason}); offering the people already known")]
    public static partial void MembersUnavailable(ILogger logger, string reason);

    [LoggerMessage(2005, LogLevel.Information, "Could not update a card posted earlier ({Status} {Code})")]
    public static partial void SharedCardUpdateFailed(ILogger logger, int status, string? code);

    [LoggerMessage(2006, LogLevel.Warning, "Work left for after a turn's answer failed")]
    public static partial void LaterWorkFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5310, Level = LogLevel.Information, Message = "A {ActivityType} activity from a tenant not in Tenants:Allowed was refused; nothing was stored")]
    public static partial void TenantRefused(ILogger logger, string? activityType);
}
