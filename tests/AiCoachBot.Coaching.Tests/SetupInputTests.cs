using System.Text.Json.Nodes;
using AiCoachBot.Coaching.Nudges;

namespace AiCoachBot.Coaching.Tests;

public sealed class SetupInputTests
{
    [Theory]
    [InlineData("12.5", 12.5)]
    [InlineData("12,5", 12.5)]
    [InlineData("1 200", 1200)]
    [InlineData("35 %", 35)]
    [InlineData("-3", -3)]
    public void Numbers_AreReadAsPeopleTypeThem(string text, decimal expected) => Assert.Equal(expected, SetupInput.ParseNumber(text));

    [Theory]
    [InlineData("twelve")]
    [InlineData("1e9")]
    [InlineData("NaN")]
    [InlineData("99999999999999999999")]
    public void NonNumbers_AreRefused(string text) => Assert.Null(SetupInput.ParseNumber(text));

    [Fact]
    public void EmptyRows_AreSkipped_AndTheKpisKeepTheirOrder()
    {
        var data = Plan();
        Row(data, 1, "Handling time", "12", "8", "lower");
        Row(data, 3, "Adoption", "0", "80", "higher");
        data["kpi2.name"] = " ";

        var (kpis, plan, problems) = SetupInput.Read(data, NewId());

        Assert.Empty(problems);
        Assert.Equal(["Handling time", "Adoption"], kpis.Select(k => k.Name));
        Assert.Equal(new NudgePlan(DayOfWeek.Tuesday, new TimeOnly(8, 30), "Romance Standard Time", "fr"), plan);
    }

    [Fact]
    public void NoKpiAtAll_IsAProblem()
    {
        var (_, _, problems) = SetupInput.Read(Plan(), NewId());

        Assert.Equal("setup.kpi.none", Assert.Single(problems).Key);
    }

    [Theory]
    [InlineData("12", "8", "higher", "setup.kpi.targetAbove")]
    [InlineData("8", "12", "lower", "setup.kpi.targetBelow")]
    [InlineData("8", "12", "sideways", "setup.kpi.direction")]
    [InlineData("8", "8", "higher", "setup.kpi.targetAbove")]
    public void ATargetOnTheWrongSideOfTheBaseline_IsAProblemOfItsRow(string baseline, string target, string direction, string key)
    {
        var data = Plan();
        Row(data, 2, "Quality", baseline, target, direction);

        var (kpis, _, problems) = SetupInput.Read(data, NewId());

        Assert.Empty(kpis);
        Assert.Equal((2, key), (Assert.Single(problems).Kpi, problems[0].Key));
    }

    [Fact]
    public void ValuesOfTheWrongType_AreProblems_NotCrashes()
    {
        var data = Plan();
        data["kpi1.name"] = new JsonObject { ["x"] = 1 };
        data["kpi1.baseline"] = 12;
        data["time"] = "25:99";

        var (_, plan, problems) = SetupInput.Read(data, NewId());

        Assert.Null(plan);
        Assert.Contains(problems, p => p.Key == "setup.plan.time");
    }

    private static Func<string> NewId()
    {
        var n = 0;
        return () => $"k{++n}";
    }

    private static JsonObject Plan() => new() { ["day"] = "Tuesday", ["time"] = "08:30", ["timeZone"] = "Romance Standard Time", ["language"] = "fr" };

    private static void Row(JsonObject data, int n, string name, string baseline, string target, string direction)
    {
        data[$"kpi{n}.name"] = name;
        data[$"kpi{n}.baseline"] = baseline;
        data[$"kpi{n}.target"] = target;
        data[$"kpi{n}.direction"] = direction;
        data[$"kpi{n}.method"] = "Weekly report";
        data[$"kpi{n}.owner"] = "Ops";
    }
}
