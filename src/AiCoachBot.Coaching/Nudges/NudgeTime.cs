namespace AiCoachBot.Coaching.Nudges;

/// <summary>When a project's weekly card is due: a day and a time of day in the team's own time zone.</summary>
public sealed record NudgeTime(DayOfWeek Day, TimeOnly Time, TimeZoneInfo Zone)
{
    /// <summary>An IANA ("Europe/Paris") or Windows ("Romance Standard Time") time-zone id; null when this machine knows neither.</summary>
    public static TimeZoneInfo? FindZone(string? id) =>
        !string.IsNullOrWhiteSpace(id) && id.Length <= 64 && TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out var zone) ? zone : null;
}
