using Microsoft.Extensions.Logging;

namespace AiCoachBot.Coaching.Nudges;

internal static partial class NudgeLog
{
    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "Weekly card of project {ProjectId} for {Week} posted{LateText}")]
    public static partial void Posted(ILogger logger, string projectId, string week, string lateText);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Warning, Message = "Weekly card of project {ProjectId} for {Week} not delivered (attempt {Attempt}): {Problem}")]
    public static partial void NotDelivered(ILogger logger, string projectId, string week, int attempt, string? problem);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Warning, Message = "Weekly cards of project {ProjectId} paused: the bot can no longer post in its channel ({Problem})")]
    public static partial void Gone(ILogger logger, string projectId, string? problem);

    [LoggerMessage(EventId = 6004, Level = LogLevel.Warning, Message = "Weekly card of project {ProjectId} for {Week} may or may not have been posted ({Problem}); it is not posted again")]
    public static partial void Unknown(ILogger logger, string projectId, string week, string? problem);

    [LoggerMessage(EventId = 6005, Level = LogLevel.Error, Message = "Weekly card of project {ProjectId} for {Week} failed {Attempts} times and is given up: {Problem}")]
    public static partial void GivenUp(ILogger logger, string projectId, string week, int attempts, string? problem);

    [LoggerMessage(EventId = 6007, Level = LogLevel.Error, Message = "Weekly card of project {ProjectId} for {Week} could not be prepared; it counts as a try")]
    public static partial void JobFailed(ILogger logger, string projectId, string week, Exception exception);

    [LoggerMessage(EventId = 6006, Level = LogLevel.Warning, Message = "Project {ProjectId} has time zone '{Zone}', which this machine does not know: no weekly card")]
    public static partial void UnknownZone(ILogger logger, string projectId, string zone);
}
