using AiCoachBot.Coaching.Nudges;

namespace AiCoachBot.Coaching.Tests;

public sealed class WeeklyScheduleTests
{
    private static readonly TimeZoneInfo Paris = NudgeTime.FindZone("Europe/Paris")!;
    private static readonly TimeZoneInfo NewYork = NudgeTime.FindZone("America/New_York")!;

    [Theory]
    [InlineData("Europe/Paris")]
    [InlineData("America/New_York")]
    public void AYearOfQuarterHourTicks_SendsEachWeekOnce_AtTheLocalTime_AcrossBothClockChanges(string zoneId)
    {
        var time = new NudgeTime(DayOfWeek.Monday, new TimeOnly(9, 0), NudgeTime.FindZone(zoneId)!);
        var sent = new Dictionary<string, DueWeek>();

        for (var now = new DateTimeOffset(2026, 1, 5, 15, 0, 0, TimeSpan.Zero); now < new DateTimeOffset(2027, 1, 4, 0, 0, 0, TimeSpan.Zero); now = now.AddMinutes(15))
        {
            var due = WeeklySchedule.Latest(now, time);
            sent.TryAdd(due.Week, due);
        }

        Assert.Equal(52, sent.Count); // 2026-W02 to 2026-W53: ISO 2026 has 53 weeks
        Assert.All(sent.Values, d =>
        {
            var local = TimeZoneInfo.ConvertTime(d.DueAt, time.Zone);
            Assert.Equal((DayOfWeek.Monday, 9, 0), (local.DayOfWeek, local.Hour, local.Minute));
        });
        Assert.Equal(2, sent.Values.Select(d => d.DueAt.Offset).Distinct().Count());
    }

    [Fact]
    public void ATimeSkippedBySpringForward_IsMovedForwardByTheGap()
    {
        // 28 March 2027, Paris: 02:00 becomes 03:00, so 02:30 does not exist that night.
        var time = new NudgeTime(DayOfWeek.Sunday, new TimeOnly(2, 30), Paris);

        var due = WeeklySchedule.Latest(new DateTimeOffset(2027, 3, 28, 12, 0, 0, TimeSpan.Zero), time);

        Assert.Equal(new DateTimeOffset(2027, 3, 28, 1, 30, 0, TimeSpan.Zero), due.DueAt.ToUniversalTime());
        Assert.Equal("03:30", TimeZoneInfo.ConvertTime(due.DueAt, Paris).ToString("HH:mm"));
    }

    [Fact]
    public void ATimeRepeatedByFallBack_IsTheFirstOne()
    {
        // 1 November 2026, New York: 01:30 happens twice; the first is still daylight time (UTC-4).
        var time = new NudgeTime(DayOfWeek.Sunday, new TimeOnly(1, 30), NewYork);

        var due = WeeklySchedule.Latest(new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero), time);

        Assert.Equal(new DateTimeOffset(2026, 11, 1, 5, 30, 0, TimeSpan.Zero), due.DueAt.ToUniversalTime());
    }

    [Fact]
    public void BeforeThisWeeksTime_TheDueCardIsLastWeeks_AndAfterDowntimeItIsLate()
    {
        var time = new NudgeTime(DayOfWeek.Monday, new TimeOnly(9, 0), Paris);

        var sundayEvening = WeeklySchedule.Latest(new DateTimeOffset(2026, 11, 29, 18, 0, 0, TimeSpan.Zero), time);
        var mondayJustAfter = WeeklySchedule.Latest(new DateTimeOffset(2026, 11, 30, 8, 10, 0, TimeSpan.Zero), time);

        Assert.Equal(("2026-W48", true), (sundayEvening.Week, sundayEvening.Late));
        Assert.Equal(("2026-W49", false), (mondayJustAfter.Week, mondayJustAfter.Late));
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 8, 0, 0, TimeSpan.Zero), WeeklySchedule.Next(new DateTimeOffset(2026, 11, 30, 8, 10, 0, TimeSpan.Zero), time));
    }

    [Theory]
    [InlineData(2026, 12, 31, "2026-W53")]
    [InlineData(2027, 1, 3, "2026-W53")]
    [InlineData(2027, 1, 4, "2027-W01")]
    public void Weeks_AreIsoWeeksOfTheLocalDay(int year, int month, int day, string expected) =>
        Assert.Equal(expected, WeeklySchedule.WeekOf(new DateOnly(year, month, day)));

    [Theory]
    [InlineData("Europe/Paris")]
    [InlineData("Romance Standard Time")]
    [InlineData("W. Europe Standard Time")]
    [InlineData(" America/New_York ")]
    [InlineData("Eastern Standard Time")]
    public void TimeZones_AreFoundByIanaOrWindowsId(string id) => Assert.NotNull(NudgeTime.FindZone(id));

    [Theory]
    [InlineData("Europe/Atlantis")]
    [InlineData("")]
    [InlineData("../../etc/passwd")]
    public void UnknownTimeZones_AreNotFound(string id) => Assert.Null(NudgeTime.FindZone(id));
}
