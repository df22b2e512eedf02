using AiCoachBot.Coaching.Nudges;

namespace AiCoachBot.Coaching.Tests;

public sealed class KpiCsvTests
{
    [Fact]
    public void NamesWithCommasQuotesOrFormulaSigns_AreQuotedAndNeutralised()
    {
        var kpi = new Kpi("k1", "Cost, per \"case\"", "€", 12.5m, 8, KpiDirection.LowerIsBetter, "Finance", "CFO");
        var setup = new ProjectChannel(new ChannelReference("https://s/", "t", "team", "19:c"), [kpi], new NudgePlan(DayOfWeek.Monday, new TimeOnly(9, 0), "UTC", "en"), "u", "U", DateTimeOffset.UnixEpoch, []);
        var history = new KpiHistory([]).With(new KpiWeek("2026-W49", new Dictionary<string, decimal> { ["k1"] = 11.25m }, "u", "=HYPERLINK(\"x\")", new DateTimeOffset(2026, 11, 30, 8, 5, 0, TimeSpan.Zero)));

        var csv = KpiCsv.Of(setup, history);

        Assert.Equal(
            "week,kpi,unit,value,baseline,target,direction,recorded_by,recorded_at\n" +
            "2026-W49,\"Cost, per \"\"case\"\"\",€,11.25,12.5,8,lower,\"'=HYPERLINK(\"\"x\"\")\",2026-11-30T08:05:00Z\n", csv);
    }
}
