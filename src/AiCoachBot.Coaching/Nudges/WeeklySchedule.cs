using System.Globalization;

namespace AiCoachBot.Coaching.Nudges;

/// <summary>A week's card: the ISO week it belongs to (in the team's time zone) and the instant it was due.</summary>
public sealed record DueWeek(string Week, DateTimeOffset DueAt, bool Late);

/// <summary>
/// The weekly rhythm in the team's own time zone. A local time that does not exist on a day (clocks go forward)
/// is moved forward by the gap; a time that happens twice (clocks go back) is the first one. Only the most recent
/// due card can be sent: one missed for longer is replaced by the next week's, never sent.
/// </summary>
public static class WeeklySchedule
{
    /// <summary>A card sent later than this after its time is marked late.</summary>
    public static readonly TimeSpan LateAfter = TimeSpan.FromMinutes(30);

    /// <summary>The most recent due time at or before <paramref name="now"/>.</summary>
    public static DueWeek Latest(DateTimeOffset now, NudgeTime time)
    {
        var localToday = LocalDay(now, time.Zone);
        var daysBack = ((int)localToday.DayOfWeek - (int)time.Day + 7) % 7;
        var day = localToday.AddDays(-daysBack);
        var due = ToInstant(day.ToDateTime(time.Time), time.Zone);
        if (due > now)
        {
            day = day.AddDays(-7);
            due = ToInstant(day.ToDateTime(time.Time), time.Zone);
        }
        return new DueWeek(WeekOf(day), due, now - due > LateAfter);
    }

    /// <summary>The next due time strictly after <paramref name="now"/>.</summary>
    public static DateTimeOffset Next(DateTimeOffset now, NudgeTime time)
    {
        var latest = Latest(now, time);
        var localDay = LocalDay(latest.DueAt, time.Zone);
        // The moved-forward time may fall on the next local minute, never on another day.
        return ToInstant(localDay.AddDays(7).ToDateTime(time.Time), time.Zone);
    }

    /// <summary>The day it is in the zone at that instant.</summary>
    public static DateOnly LocalDay(DateTimeOffset at, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);

    /// <summary>"2026-W48": the ISO 8601 week of a local day.</summary>
    public static string WeekOf(DateOnly localDay)
    {
        var date = localDay.ToDateTime(TimeOnly.MinValue);
        return string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(date)}-W{ISOWeek.GetWeekOfYear(date):00}");
    }

    /// <summary>A local wall-clock time as an instant: gaps moved forward by their length, repeated times taken the first time.</summary>
    public static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            // The offset in force before the gap maps 02:30 on a spring-forward night to 03:30.
            var before = zone.GetUtcOffset(local.AddHours(-12));
            return new DateTimeOffset(local - before, TimeSpan.Zero).ToOffset(zone.GetUtcOffset(local.AddHours(12)));
        }
        if (zone.IsAmbiguousTime(local)) return new DateTimeOffset(local, zone.GetAmbiguousTimeOffsets(local).Max());
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
