using System.Text;
using System.Text.RegularExpressions;
using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Localization;
using AiCoachBot.Coaching.Nudges;
using AiCoachBot.Coaching.Projects;
using AiCoachBot.Coaching.Retros;
using AiCoachBot.Coaching.Tests.Support;

namespace AiCoachBot.Coaching.Tests;

/// <summary>The retro's cards and export in both languages: complete, within Teams' size limit, and honest about counts.</summary>
public sealed partial class RetroCardsTests
{
    private static readonly CoachingContent Content = CoachingContent.Load(Paths.Content, []);
    private static readonly RetroCards Cards = new(Content);
    private static readonly RetroClosingCards Closing = new(Content);
    private static readonly PseudonymKey Key = PseudonymKey.Random();
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);
    private static readonly Kpi Adoption = new("k1", "Adoption", "%", 0, 80, KpiDirection.HigherIsBetter, "Active users", "Team lead");

    /// <summary>Teams refuses a message over 28 KB; the fullest retro must stay well under it.</summary>
    [Theory]
    [InlineData(Language.En)]
    [InlineData(Language.Fr)]
    public void TheFullestLiveCard_StaysUnderTeamsSizeLimit(Language language)
    {
        var retro = Open(anonymous: false);
        for (var i = 0; i < Retrospective.MaxItems; i++)
            retro = RetroBoard.Add(retro, Member(retro, i < Retrospective.MaxItemsPerMember ? "member-0" : $"member-{1 + i % 19}", $"Member {i % 20} with a rather long display name"), (ItemKind)(i % 3),
                new string('é', Retrospective.MaxItemLength), ["no_kpis", "vendor_dependency"], $"item-{i}", Now).Retro;

        var mine = RetroBoard.Mine(retro, Member(retro, "member-0").Key);
        var live = Size(Cards.Live(retro, Project(), [], Now, Today, language));
        var yours = Size(Cards.Yours(retro, mine, [], language));
        var members = Enumerable.Range(0, 500).Select(i => new AiCoachBot.Coaching.Conversation.ChannelMember(Guid.NewGuid().ToString(), $"Member {i} with a rather long display name")).ToList();
        var close = Size(Closing.CloseForm(retro, Project(), [], members, language));

        Assert.Equal(Retrospective.MaxItemsPerMember, mine.Count);
        Assert.True(close < 26_000, $"The closing form is {close} bytes");
        Assert.True(live < 26_000, $"The live card is {live} bytes");
        Assert.True(yours < 26_000, $"A member's own view is {yours} bytes");
    }

    [Theory]
    [InlineData(Language.En)]
    [InlineData(Language.Fr)]
    public void EveryCardAndTheExport_FillAllTheirPlaceholders(Language language)
    {
        var open = Open(anonymous: true);
        var retro = RetroBoard.Add(open, Member(open, "alice"), ItemKind.Well, "Clear criteria", ["no_kpis"], "i1", Now).Retro;
        var project = Project();
        var kpis = RetroKpis.Of(project, new KpiHistory([new KpiWeek("2026-W48", new Dictionary<string, decimal> { ["k1"] = 35 }, "u", "U", Now)]), new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30));
        var action = new ProjectAction("a1", "Plan the budget", "retro:r1:1", "u", Now, "Bob", new DateOnly(2026, 12, 4), OwnerId: "bob");
        var closed = RetroBoard.Closed(retro, new RetroOutcome("deploy", "Because", [action], [new ActionReview("a0", "Old action", ReviewStatus.Dropped)], "A narrative."), "Grace Hopper", Now);

        var rendered = string.Join("\n",
            Cards.Start([project], project, language, _ => true).ToJsonString(),
            Cards.Live(retro, project, kpis, Now, Today, language).ToJsonString(),
            Cards.Yours(retro, retro.Items, [], language, "status").ToJsonString(),
            Closing.CloseForm(retro, project, [action], [new("u1", "Bob")], language, ["a problem"]).ToJsonString(),
            Closing.Summary(closed, project, kpis, Today, language).ToJsonString(),
            Closing.ConfirmDelete(retro, language).ToJsonString(),
            Closing.Deleted(retro, language).ToJsonString(),
            new RetroMarkdown(Content).Render(closed, project, kpis, language));

        Assert.DoesNotMatch(Placeholder(), rendered);
        Assert.Contains(Content.Strings.Get(language, "retro.summary.aiLabel"), rendered);
    }

    [Fact]
    public void TheKpiLine_SaysWhetherTheTargetIsReachedOrOnTrack()
    {
        var history = new KpiHistory([
            new KpiWeek("2026-W46", new Dictionary<string, decimal> { ["k1"] = 20 }, "u", "U", Now),
            new KpiWeek("2026-W48", new Dictionary<string, decimal> { ["k1"] = 85 }, "u", "U", Now)]);

        var result = Assert.Single(RetroKpis.Of(Project(), history, new DateOnly(2026, 11, 9), new DateOnly(2026, 11, 30)));

        Assert.Equal((2, 20m, 85m, "2026-W48", true), (result.Weeks, result.First, result.Last, result.LastWeek, result.TargetMet));
        Assert.Equal("**Adoption**: 85 % in 2026-W48 (2 weeks recorded, first 20 %; baseline 0 %, target 80 %) · target reached", new RetroCardParts(Content).KpiLine(result, Language.En));
    }

    [Fact]
    public void VoteCounts_AreLeftOut_WithFewerThanThreeContributors()
    {
        var open = Open(anonymous: true);
        var retro = RetroBoard.Add(open, Member(open, "alice"), ItemKind.Well, "Clear criteria", [], "i1", Now).Retro;
        retro = RetroBoard.SetVotes(retro, Member(retro, "bob").Key, ["i1"], 3).Retro;

        var card = Cards.Live(retro, Project(), [], Now, Today, Language.En).ToJsonString();

        Assert.DoesNotContain("1 votes", card);
        Assert.Contains(Content.Strings.Get(Language.En, "retro.card.countsHidden"), card);
    }

    [Fact]
    public void TheWeeklyCard_ShowsAnOverdueActionInRed_WithItsMarkDoneButton()
    {
        var project = Project() with
        {
            Actions = [new ProjectAction("a1", "Plan the labelling budget", "retro:r1:1", "u", Now, "Bob Dupont", new DateOnly(2026, 11, 27), OwnerId: "bob")],
        };

        var card = new WeeklyCardRenderer(Content).Render(project, "2026-W49", late: false, new KpiHistory([]), new DateOnly(2026, 11, 30), Language.En);

        Assert.Contains("Bob Dupont · due 27 Nov 2026 · **overdue**", CardText.Of(card));
        Assert.Contains("\"color\":\"Attention\"", card.ToJsonString());
        Assert.Contains("\"command\":\"action.done\"", card.ToJsonString());
    }

    /// <summary>As the bot sends it: UTF-8, non-ASCII text not escaped.</summary>
    private static int Size(System.Text.Json.Nodes.JsonObject card) =>
        Encoding.UTF8.GetByteCount(card.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));

    private static Retrospective Open(bool anonymous) => new(
        "r1", "p1", new ProjectOwnership("t", ProjectOwnerKind.Team, "team"), "poc", anonymous, "en", "facilitator", "Grace Hopper",
        Now.AddDays(-1), null, new DateOnly(2026, 11, 1), [], [], RetroPseudonym.NewSalt());

    private static RetroMember Member(Retrospective retro, string id, string? name = null) => new(RetroPseudonym.Of(Key, retro.Salt!, id), id, name);

    private static readonly DateOnly Today = new(2026, 11, 30);

    private static Project Project() =>
        new("p1", new ProjectOwnership("t", ProjectOwnerKind.Team, "team"), "Email triage", "", "poc", "u", Now.AddDays(-60), [],
            Channel: new ProjectChannel(new ChannelReference("https://smba.example/", "t", "team", "19:c"), [Adoption],
                new NudgePlan(DayOfWeek.Monday, new TimeOnly(9, 0), "Europe/Paris", "en"), "u", "U", Now.AddDays(-60), []));

    [GeneratedRegex(@"\{[a-zA-Z]+\}")]
    private static partial Regex Placeholder();
}
