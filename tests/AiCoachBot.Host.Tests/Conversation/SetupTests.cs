using System.Text.Json.Nodes;
using AiCoachBot.Host.Tests.Support;

namespace AiCoachBot.Host.Tests.Conversation;

/// <summary>Setting a project up in its channel: the card, saving KPIs and the weekly plan, who may change it, pause, status.</summary>
public sealed class SetupTests : BotTest
{
    [Fact]
    public async Task SetupInAChannel_CreatesTheProject_WithItsKpisAndPlan_AndKpiStatusShowsThem()
    {
        var channel = TeamChannel();
        var card = (await SayOneAsync(channel, ActivityBuilder.Mention + " setup")).Card;
        Assert.Equal(Bot.En("setup.title"), CardReader.Texts(card)[0]);
        Assert.Equal("Europe/Paris", Input(card, "timeZone")["value"]!.GetValue<string>());

        var saved = await SendAsync(channel, channel.Submit(Filled("Email triage")), replies: 1);

        Assert.StartsWith("Set-up saved for **Email triage**: 2 KPI(s), a check-in card every Monday at 09:00 (Europe/Paris). The first one comes on Monday", saved[0].Text);
        var status = CardReader.Texts((await SayOneAsync(channel, ActivityBuilder.Mention + " kpi status")).Card);
        Assert.Equal(Bot.En("kpi.status.title", ("project", "Email triage")), status[0]);
        Assert.StartsWith("**Handling time**: from 12 to 8 min, lower is better, by 30 Jun 2027. Measured by Ops lead", status[1]);
        Assert.StartsWith("**Adoption**: from 0 to 80 %, higher is better.", status[2]);
    }

    [Fact]
    public async Task KpiEdit_ReopensTheCardFilledIn_AndOnlyTheOwnerMayChangeIt()
    {
        var channel = TeamChannel();
        await SendAsync(channel, channel.Submit(Filled("Email triage")), replies: 1);
        var colleague = channel.AnotherUser("Linus Torvalds");

        var again = (await SayOneAsync(channel, ActivityBuilder.Mention + " kpi edit")).Card;
        var refused = await SayOneAsync(colleague, ActivityBuilder.Mention + " kpi edit");
        var refusedSave = await SendAsync(colleague, colleague.Submit(Filled("Email triage")), replies: 1);
        var refusedPause = await SayOneAsync(colleague, ActivityBuilder.Mention + " nudges pause");

        Assert.Equal("Handling time", Input(again, "kpi1.name")["value"]!.GetValue<string>());
        Assert.True(Container(again, "kpi2")["isVisible"]!.GetValue<bool>());
        Assert.False(Container(again, "kpi3")["isVisible"]!.GetValue<bool>());
        var notAllowed = Bot.En("setup.notAllowed", ("owner", "Grace Hopper"));
        Assert.Equal(notAllowed, refused.Text);
        Assert.Equal(notAllowed, refusedSave[0].Text);
        Assert.Equal(notAllowed, refusedPause.Text);
    }

    [Fact]
    public async Task TheOwnerNamesEditorsByMention_WhoMayThenChangeTheSetUp_AndNobodyElseMay()
    {
        var channel = TeamChannel();
        await SendAsync(channel, channel.Submit(Filled("Email triage")), replies: 1);
        var linus = channel.AnotherUser("Linus Torvalds");
        var margaret = channel.AnotherUser("Margaret Hamilton");
        var naming = channel.Message($"{ActivityBuilder.Mention} setup editors <at>Linus Torvalds</at>");
        naming["entities"]!.AsArray().Add(new JsonObject { ["type"] = "mention", ["text"] = "<at>Linus Torvalds</at>", ["mentioned"] = new JsonObject { ["id"] = linus.UserId, ["name"] = "Linus Torvalds" } });

        var named = await SendAsync(channel, naming, replies: 1);
        var byLinus = await SayOneAsync(linus, ActivityBuilder.Mention + " kpi edit");
        var byMargaret = await SayOneAsync(margaret, ActivityBuilder.Mention + " kpi edit");
        var linusNaming = await SayOneAsync(linus, ActivityBuilder.Mention + " setup editors");

        Assert.Equal(Bot.En("setup.editors.set", ("names", "Linus Torvalds"), ("project", "Email triage")), named[0].Text);
        Assert.Equal(Bot.En("setup.title"), CardReader.Texts(byLinus.Card)[0]);
        Assert.Equal(Bot.En("setup.notAllowed", ("owner", "Grace Hopper")), byMargaret.Text);
        Assert.Equal(Bot.En("setup.editors.onlyOwner", ("owner", "Grace Hopper")), linusNaming.Text);
    }

    [Fact]
    public async Task NudgesPauseAndResume_ChangeThePlan()
    {
        var channel = TeamChannel();
        await SendAsync(channel, channel.Submit(Filled("Email triage")), replies: 1);

        var paused = await SayOneAsync(channel, ActivityBuilder.Mention + " nudges pause");
        var status = CardReader.Texts((await SayOneAsync(channel, ActivityBuilder.Mention + " kpi status")).Card);
        var resumed = await SayOneAsync(channel, ActivityBuilder.Mention + " nudges resume");

        Assert.Equal(Bot.En("nudges.paused", ("project", "Email triage")), paused.Text);
        Assert.Contains(Bot.En("kpi.status.paused"), status);
        Assert.StartsWith("Weekly check-in cards for **Email triage** start again: the next one comes on Monday", resumed.Text);
    }

    [Fact]
    public async Task WrongValues_AreAllListed_AndNothingIsSaved()
    {
        var channel = TeamChannel();
        var data = Filled("Email triage");
        data["kpi1.baseline"] = "twelve";
        data["kpi2.target"] = "-5";
        data["kpi2.name"] = "handling TIME";
        data["timeZone"] = "Europe/Atlantis";
        data["day"] = "Funday";

        var reply = await SendAsync(channel, channel.Submit(data), replies: 1);
        var status = await SayOneAsync(channel, ActivityBuilder.Mention + " kpi status");

        Assert.StartsWith(Bot.En("setup.problems"), reply[0].Text);
        Assert.Contains(Bot.En("setup.kpi.row", ("row", "1"), ("problem", Bot.En("setup.kpi.baseline"))), reply[0].Text);
        Assert.Contains(Bot.En("setup.kpi.row", ("row", "2"), ("problem", Bot.En("setup.kpi.targetAbove"))), reply[0].Text);
        Assert.Contains(Bot.En("setup.plan.timeZone", ("zone", "Europe/Atlantis")), reply[0].Text);
        Assert.Contains(Bot.En("setup.plan.day"), reply[0].Text);
        Assert.Equal(Bot.En("nudges.notSetUp"), status.Text);
    }

    [Fact]
    public async Task OutsideAChannel_SetupSaysWhereItWorks_AndAnotherTeamsProjectIsRefused()
    {
        var personal = await SayOneAsync(PersonalChat(), "setup");
        var channel = TeamChannel();
        await SendAsync(channel, channel.Submit(Filled("Email triage")), replies: 1);
        var projectId = Input((await SayOneAsync(channel, ActivityBuilder.Mention + " setup")).Card, "project")["value"]!.GetValue<string>();
        var otherTeam = TeamChannel();
        var stolen = Filled("ignored");
        stolen["project"] = projectId;

        var refused = await SendAsync(otherTeam, otherTeam.Submit(stolen), replies: 1);

        Assert.Equal(Bot.En("setup.notChannel"), personal.Text);
        Assert.Equal(Bot.En("project.notYours"), refused[0].Text);
    }

    public static JsonObject Filled(string newProject) => new()
    {
        ["command"] = "setup.save",
        ["project"] = "new",
        ["newName"] = newProject,
        ["phase"] = "deployment",
        ["kpi1.name"] = "Handling time", ["kpi1.unit"] = "min", ["kpi1.baseline"] = "12", ["kpi1.target"] = "8", ["kpi1.direction"] = "lower",
        ["kpi1.method"] = "Weekly CRM report", ["kpi1.owner"] = "Ops lead", ["kpi1.targetDate"] = "2027-06-30",
        ["kpi2.name"] = "Adoption", ["kpi2.unit"] = "%", ["kpi2.baseline"] = "0", ["kpi2.target"] = "80", ["kpi2.direction"] = "higher",
        ["kpi2.method"] = "Active users / agents", ["kpi2.owner"] = "Team lead", ["kpi2.targetDate"] = "",
        ["kpi3.name"] = "", ["kpi3.unit"] = "", ["kpi3.baseline"] = "",
        ["day"] = "Monday", ["time"] = "09:00", ["timeZone"] = "Europe/Paris", ["language"] = "en", ["pocDecision"] = "", ["goLive"] = "2027-01-15",
    };

    private static JsonObject Input(JsonObject card, string id) => Find(card, id) ?? throw new Xunit.Sdk.XunitException($"No input '{id}'");

    private static JsonObject Container(JsonObject card, string id) => Find(card, id) ?? throw new Xunit.Sdk.XunitException($"No container '{id}'");

    private static JsonObject? Find(JsonNode? node, string id) => node switch
    {
        JsonObject o when (string?)o["id"] == id => o,
        JsonObject o => o.Select(p => Find(p.Value, id)).FirstOrDefault(f => f is not null),
        JsonArray a => a.Select(e => Find(e, id)).FirstOrDefault(f => f is not null),
        _ => null,
    };
}
