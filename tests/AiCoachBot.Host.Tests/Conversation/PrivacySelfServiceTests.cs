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
        var rows = await EveryRowOfEveryTableAsync();
        Assert.Contains(rows, r => r.StartsWith("nudge_jobs:", StringComparison.Ordinal));
        foreach (var trace in new[] { personal.UserAadObjectId, personal.UserId, "Grace Hopper", "Grace" })
        {
            Assert.DoesNotContain(everything, d => d.Key.Contains(trace, StringComparison.OrdinalIgnoreCase) || d.Json.Contains(trace, StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(rows, r => r.Contains(trace, StringComparison.OrdinalIgnoreCase));
        }
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
        await SayOneAsync(channel, ActivityBuilder.Mention + " nudges now");
        return (channel, personal);
    }

    /// <summary>Every row of every table of the database, as "table: row" text: what erasure must leave clean.</summary>
    protected abstract Task<IReadOnlyList<string>> EveryRowOfEveryTableAsync();
}

/// <summary>On the embedded store.</summary>
public sealed class SqlitePrivacySelfServiceTests : PrivacySelfServiceTests
{
    protected override async Task<IReadOnlyList<string>> EveryRowOfEveryTableAsync()
    {
        var rows = new List<string>();
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(Data.Path, "aicoachbot.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }
        foreach (var table in tables)
        {
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                rows.Add(table + ": " + string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        }
        return rows;
    }
}

/// <summary>On PostgreSQL, as several instances share it.</summary>
public sealed class PostgresPrivacySelfServiceTests(PostgresServer postgres) : PrivacySelfServiceTests, IClassFixture<PostgresServer>
{
    private string _database = "";

    protected override IReadOnlyDictionary<string, string?> Settings => SharedDatabase.Settings(_database, base.Settings);

    public override async Task InitializeAsync()
    {
        _database = await postgres.CreateDatabaseAsync();
        await base.InitializeAsync();
    }

    protected override async Task<IReadOnlyList<string>> EveryRowOfEveryTableAsync()
    {
        var rows = new List<string>();
        await using var connection = new Npgsql.NpgsqlConnection(_database);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new Npgsql.NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'", connection))
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        foreach (var table in tables)
        {
            await using var select = new Npgsql.NpgsqlCommand($"SELECT t::text FROM \"{table}\" t", connection);
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync()) rows.Add(table + ": " + reader.GetString(0));
        }
        return rows;
    }
}
