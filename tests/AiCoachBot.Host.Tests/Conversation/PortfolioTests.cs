using System.Text.Json.Nodes;
using AiCoachBot.Host.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AiCoachBot.Host.Tests.Conversation;

/// <summary>
/// The portfolio over the wire: a team sees its own projects and never another team's; a programme manager sees the
/// organisation's from a personal chat; a team names who follows it; stale projects are archived by their owner only.
/// </summary>
public sealed class PortfolioTests : BotTest
{
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Nudges:Enabled"] = "false", ["Export:SendAsFile"] = "false" };

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(_clock);

    [Fact]
    public async Task AMemberOfTeamA_SeesTeamAsProjects_AndNeverTeamBs()
    {
        var teamA = TeamChannel();
        var teamAOtherChannel = TeamChannel(teamA.TeamId);
        var teamB = TeamChannel();
        await SetUpAsync(teamA, "Email triage");
        await SetUpAsync(teamAOtherChannel, "Claims triage");
        await SetUpAsync(teamB, "Invoice matching");

        var seenByA = Texts(await SayOneAsync(teamA.AnotherUser("Bob Stone"), ActivityBuilder.Mention + " portfolio"));
        var seenByB = Texts(await SayOneAsync(teamB, ActivityBuilder.Mention + " portefeuille"));
        var stranger = Texts(await SayOneAsync(PersonalChat(userName: "Someone Else"), "portfolio"));

        Assert.Equal(Bot.En("portfolio.title", ("scope", Bot.En("portfolio.scope.Team"))), seenByA[0]);
        Assert.Contains("Email triage", seenByA);
        Assert.Contains("Claims triage", seenByA);
        Assert.DoesNotContain(seenByA, t => t.Contains("Invoice matching", StringComparison.Ordinal));
        Assert.Contains("Invoice matching", seenByB);
        Assert.DoesNotContain(seenByB, t => t.Contains("triage", StringComparison.Ordinal));
        Assert.Contains(Bot.En("portfolio.empty"), stranger);
    }

    [Fact]
    public async Task AProgrammeManagerInConfiguration_SeesEveryTeamProjectOfTheOrganisation_AndExportsThemAsCsv()
    {
        var manager = PersonalChat(userName: "Pat Manager");
        var office = StartBot(new Dictionary<string, string?>(Settings) { ["Portfolio:ProgrammeManagers:0"] = manager.UserAadObjectId });
        var teamA = TeamChannel();
        var teamB = TeamChannel();
        await SetUpAsync(teamA, "Email triage", office);
        await SetUpAsync(teamB, "Invoice matching", office);

        var portfolio = Texts(await SayOneAsync(manager, "portfolio", office));
        var export = await SayAsync(manager, "portfolio export", replies: 2, office);
        var inAGroupChat = await SayOneAsync(manager.InGroupChat(), "portfolio export", office);

        Assert.Equal(office.En("portfolio.title", ("scope", office.En("portfolio.scope.Organisation"))), portfolio[0]);
        Assert.Contains("Email triage", portfolio);
        Assert.Contains("Invoice matching", portfolio);
        var csv = export[1].Text!.Replace("```csv\n", "").Replace("```", "").TrimEnd('\n').Split('\n');
        Assert.Equal(3, csv.Length);
        Assert.Contains(csv, l => l.StartsWith("Email triage,", StringComparison.Ordinal) && l.Contains(",no_data,", StringComparison.Ordinal));
        Assert.Equal(office.En("portfolio.notHere"), inAGroupChat.Text);
    }

    [Fact]
    public async Task ATeamNamesAProgrammeManager_WhoThenFollowsThatTeamOnly_AndAMemberWhoOwnsNothingCannotName()
    {
        var teamA = TeamChannel();
        var teamB = TeamChannel();
        await SetUpAsync(teamA, "Email triage");
        await SetUpAsync(teamB, "Invoice matching");
        var inTeamA = teamA.AnotherUser("Pat Manager");

        var byMember = await SayOneAsync(teamA.AnotherUser("Bob Stone"), ActivityBuilder.Mention + " portfolio managers");
        var naming = teamA.Message($"{ActivityBuilder.Mention} portfolio managers <at>Pat Manager</at>");
        naming["entities"]!.AsArray().Add(new JsonObject { ["type"] = "mention", ["text"] = "<at>Pat Manager</at>", ["mentioned"] = new JsonObject { ["id"] = inTeamA.UserId, ["name"] = "Pat Manager" } });
        var named = await SendAsync(teamA, naming, replies: 1);
        var followed = Texts(await SayOneAsync(inTeamA.InPersonalChat(), "portfolio"));
        var cleared = await SayOneAsync(teamA, ActivityBuilder.Mention + " portfolio managers");
        var afterwards = Texts(await SayOneAsync(inTeamA.InPersonalChat(), "portfolio"));

        Assert.Equal(Bot.En("portfolio.managers.notOwner"), byMember.Text);
        Assert.Equal(Bot.En("portfolio.managers.set", ("names", "Pat Manager")), named[0].Text);
        Assert.Equal(Bot.En("portfolio.title", ("scope", Bot.En("portfolio.scope.ManagedTeams"))), followed[0]);
        Assert.Contains("Email triage", followed);
        Assert.DoesNotContain(followed, t => t.Contains("Invoice matching", StringComparison.Ordinal));
        Assert.Equal(Bot.En("portfolio.managers.cleared"), cleared.Text);
        Assert.Equal(Bot.En("portfolio.title", ("scope", Bot.En("portfolio.scope.Own"))), afterwards[0]);
    }

    [Fact]
    public async Task AProjectSilentForWeeks_IsFlaggedStale_AndOnlyItsOwnerMayArchiveIt()
    {
        var channel = TeamChannel();
        await SetUpAsync(channel, "Email triage");
        _clock.Advance(TimeSpan.FromDays(7 * 5));

        var card = (await SayOneAsync(channel, ActivityBuilder.Mention + " portfolio")).Card;
        var archive = CardData(CardReader.BodyActions(card).Single(a => (string?)a["title"] == Bot.En("portfolio.archive.button", ("project", "Email triage")))["data"]);
        var byMember = await SendAsync(channel, channel.AnotherUser("Bob Stone").Submit(archive.DeepClone()), replies: 1);
        var byOwner = await SendAsync(channel, channel.Submit(archive.DeepClone()), replies: 1);
        var after = Texts(await SayOneAsync(channel, ActivityBuilder.Mention + " portfolio"));

        Assert.Contains(CardReader.Texts(card), t => t.Contains(Bot.En("portfolio.stale.kpi", ("weeks", "5")), StringComparison.Ordinal));
        Assert.Equal(Bot.En("portfolio.archive.notOwner", ("project", "Email triage")), byMember[0].Text);
        Assert.Equal(Bot.En("portfolio.archive.done", ("project", "Email triage")), byOwner[0].Text);
        Assert.Contains(Bot.En("portfolio.archived", ("count", "1")), after);
        Assert.DoesNotContain("Email triage", after);
    }

    [Fact]
    public async Task TheFilters_AreAppliedFromTheCard_AndATamperedValueIsIgnored()
    {
        var channel = TeamChannel();
        await SetUpAsync(channel, "Email triage");
        var card = (await SayOneAsync(channel, ActivityBuilder.Mention + " portfolio")).Card;
        var filter = CardData(CardReader.Action(card, Bot.En("portfolio.filter.apply"))["data"]);

        filter["status"] = "onTrack";
        var none = Texts(await SendOneAsync(channel, filter));
        filter["status"] = "noData";
        filter["phase"] = "<script>";
        var some = Texts(await SendOneAsync(channel, filter));

        Assert.Contains(Bot.En("portfolio.filter.none"), none);
        Assert.Contains("Email triage", some);
    }

    private async Task SetUpAsync(ActivityBuilder channel, string project, TestBot? bot = null) =>
        await SendAsync(channel, channel.Submit(SetupTests.Filled(project)), replies: 1, bot);

    private async Task<ConnectorRequest> SendOneAsync(ActivityBuilder chat, JsonObject data) => (await SendAsync(chat, chat.Submit(data.DeepClone()), replies: 1)).Single();

    private static IReadOnlyList<string> Texts(ConnectorRequest reply) => reply.IsCard ? CardReader.Texts(reply.Card) : [reply.Text ?? ""];
}
