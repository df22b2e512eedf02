using System.Text.Json.Nodes;
using AiCoachBot.Coaching.Privacy;
using AiCoachBot.Coaching.State;
using AiCoachBot.Host.Tests.Support;
using AiCoachBot.Infrastructure.Tests;
using Microsoft.Extensions.DependencyInjection;

namespace AiCoachBot.Host.Tests.Conversation;

/// <summary>
/// "my data" and "forget me", over the wire, on each store: a team member who set a project up, facilitated a named retro,
/// wrote in it, asked the coach and gave feedback sees all of it, exports it as JSON, then is erased: afterwards no record
/// holds their ids or name, while the team keeps its project, its retro and a colleague's contribution.
/// </summary>
public abstract class PrivacySelfServiceTests : BotTest
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Export:SendAsFile"] = "false", ["Nudges:Enabled"] = "false" };

    [Fact]
    public async Task MyData_ShowsWhatIsHeld_AndExportsItAsJson_InAPersonalChatOnly()
    {
        var (channel, personal) = await GraceEverywhereAsync();

        var inChannel = await SayOneAsync(channel, ActivityBuilder.Mention + " my data");
        var card = CardReader.Texts((await SayOneAsync(personal, "my data")).Card);
        var export = await SendAsync(personal, personal.Submit(new JsonObject { ["command"] = "my-data.export" }), replies: 2);

        Assert.Equal(Bot.En("privacy.mine.personalOnly", ("command", "my data")), inChannel.Text);
        Assert.Contains(Bot.En("privacy.mine.projects", ("count", "1"), ("names", " (Email triage)")), card);
        Assert.Contains(Bot.En("privacy.mine.questions", ("count", "1"), ("feedback", "1")), card);
        Assert.Contains(Bot.En("privacy.mine.retros", ("count", "1"), ("facilitated", "1")), card);
        Assert.Equal(Bot.En("privacy.export.intro"), export[0].Text);
        var json = JsonNode.Parse(export[1].Text!.Replace("```json\n", "").Replace("```", ""))!;
        Assert.Equal("Grace Hopper", (string?)json["person"]!["name"]);
        Assert.Equal("Email triage", (string?)json["projectsOwned"]![0]!["name"]);
        Assert.Equal("Weekly demos helped", (string?)json["retroContributions"]![0]!["text"]);
        Assert.Equal("useful", (string?)json["feedbackGiven"]![0]!["comment"]);
        Assert.Contains(json["yourRecords"]!.AsArray(), r => ((string)r!["key"]!).StartsWith("session/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ForgetMe_AfterConfirmation_LeavesNoIdOrNameAnywhere_AndTheTeamKeepsItsRecords()
    {
        var (channel, personal) = await GraceEverywhereAsync();

        var asked = await SayOneAsync(personal, "forget me");
        var kept = await SendAsync(personal, personal.Submit(new JsonObject { ["command"] = "forget-me.kept" }), replies: 1);
        var done = await SendAsync(personal, personal.Submit(new JsonObject { ["command"] = "forget-me.confirmed" }), replies: 1);

        Assert.Equal(Bot.En("privacy.forget.title"), CardReader.Texts(asked.Card)[0]);
        Assert.Equal(Bot.En("privacy.forget.kept"), kept[0].Text);
        Assert.StartsWith("Done. Erased: ", done[0].Text);
        Assert.Contains("archived: 1", done[0].Text);
        var everything = new List<ListedDocument>();
        await foreach (var document in Bot.Services.GetRequiredService<IDocumentStore>().ListAsync("", default)) everything.Add(document);
        foreach (var trace in new[] { personal.UserAadObjectId, personal.UserId, "Grace Hopper", "Grace" })
            Assert.DoesNotContain(everything, d => d.Key.Contains(trace, StringComparison.OrdinalIgnoreCase) || d.Json.Contains(trace, StringComparison.OrdinalIgnoreCase));
        var retro = Assert.Single(everything, d => d.Key.StartsWith("retro/", StringComparison.Ordinal)).Json;
        Assert.Contains("Data arrived late", retro);
        Assert.Contains("Bob Stone", retro);
        Assert.Contains("Weekly demos helped", retro);
        Assert.Contains(FormerMember.Name, retro);
        var project = Assert.Single(everything, d => d.Key.StartsWith("project/", StringComparison.Ordinal)).Json;
        Assert.Contains("\"archivedAt\"", project);
        Assert.Contains("Email triage", project);
        var again = CardReader.Texts((await SayOneAsync(personal, "my data")).Card);
        Assert.Contains(Bot.En("privacy.mine.empty"), again);
    }

    /// <summary>
    /// Grace sets "Email triage" up in her team's channel, facilitates a named retro and writes in it (so does Bob), asks
    /// the coach in her personal chat, likes the answer with a comment, and starts a guided conversation there.
    /// </summary>
    private async Task<(ActivityBuilder Channel, ActivityBuilder Personal)> GraceEverywhereAsync()
    {
        var (channel, live) = await OpenRetroAsync(anonymous: false);
        var retroId = RetroId(live.Card);
        foreach (var (who, text) in new[] { (channel, "Weekly demos helped"), (channel.AnotherUser("Bob Stone"), "Data arrived late") })
        {
            var add = RetroData("retro.add", retroId);
            add["text"] = text;
            await ExecuteAsync(who.Execute("retro.add", add, live.ResponseId));
        }
        var personal = channel.InPersonalChat();
        var answer = await SayOneAsync(personal, "what is a DPIA?");
        var feedback = new JsonObject { ["actionName"] = "feedback", ["actionValue"] = new JsonObject { ["reaction"] = "like", ["feedback"] = """{"feedbackText":"useful"}""" } };
        (await Bot.PostAsync(personal.Invoke(feedback, answer.ResponseId, "message/submitAction"))).Dispose();
        await StartFlowAsync(personal);
        return (channel, personal);
    }
}

/// <summary>On the embedded store.</summary>
public sealed class SqlitePrivacySelfServiceTests : PrivacySelfServiceTests;

/// <summary>On PostgreSQL, as several instances share it.</summary>
public sealed class PostgresPrivacySelfServiceTests(PostgresServer postgres) : PrivacySelfServiceTests, IClassFixture<PostgresServer>
{
    private string _database = "";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Storage:PostgresConnectionString"] = _database,
        ["Retros:PseudonymKey"] = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray()),
    };

    public override async Task InitializeAsync()
    {
        _database = await postgres.CreateDatabaseAsync();
        await base.InitializeAsync();
    }
}
