using System.Net;
using System.Text.Json.Nodes;

namespace AiCoachBot.Host.Tests.Support;

/// <summary>
/// A fresh bot, data folder and fake Bot Connector for every test (xUnit makes one instance per test).
/// </summary>
public abstract class BotTest : IAsyncLifetime
{
    private readonly List<TestBot> _bots = [];

    protected TempFolder Data { get; } = new();
    protected FakeConnector Connector { get; private set; } = null!;
    protected TestBot Bot { get; set; } = null!;

    /// <summary>Settings for the first bot of the test (credentials, limits); local mode when empty.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>Replacements for the first bot of the test, where a real component cannot run here.</summary>
    protected virtual void ConfigureServices(Microsoft.Extensions.DependencyInjection.IServiceCollection services) { }

    public virtual async Task InitializeAsync()
    {
        Connector = await FakeConnector.StartAsync();
        Bot = StartBot();
    }

    /// <summary>Another bot process on the same data folder, as after a restart.</summary>
    protected TestBot StartBot(IReadOnlyDictionary<string, string?>? settings = null, Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? services = null)
    {
        var bot = new TestBot(Data.Path, settings ?? Settings, services ?? ConfigureServices);
        _bots.Add(bot);
        _ = bot.Http; // start it now, so a bad configuration fails here and not in the middle of an act
        return bot;
    }

    protected async Task StopAsync(TestBot bot)
    {
        _bots.Remove(bot);
        await bot.DisposeAsync();
    }

    protected ActivityBuilder PersonalChat(string locale = "en-US", string userName = "Ada Lovelace") => ActivityBuilder.PersonalChat(Connector.ServiceUrl, locale, userName);

    protected ActivityBuilder TeamChannel(string? teamId = null) => ActivityBuilder.TeamChannel(Connector.ServiceUrl, teamId);

    /// <summary>Posts an activity, expects 200, and returns exactly the <paramref name="replies"/> messages it caused.</summary>
    protected async Task<IReadOnlyList<ConnectorRequest>> SendAsync(ActivityBuilder chat, JsonNode activity, int replies, TestBot? bot = null)
    {
        using var response = await (bot ?? Bot).PostAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The bot sends a turn's replies before it answers the POST: none can still be on the way.
        var unread = Connector.UnreadMessages(chat.ConversationId);
        Assert.True(unread.Count == replies,
            $"Expected {replies} repl{(replies == 1 ? "y" : "ies")}, the bot sent {unread.Count}:\n  {string.Join("\n  ", Connector.RequestsTo(chat.ConversationId))}");
        return replies == 0 ? [] : await Connector.NextMessagesAsync(chat.ConversationId, replies);
    }

    protected Task<IReadOnlyList<ConnectorRequest>> SayAsync(ActivityBuilder chat, string text, int replies, TestBot? bot = null) =>
        SendAsync(chat, chat.Message(text), replies, bot);

    protected async Task<ConnectorRequest> SayOneAsync(ActivityBuilder chat, string text, TestBot? bot = null) =>
        (await SayAsync(chat, text, 1, bot)).Single();

    /// <summary>Starts the host test flow by its trigger phrase and returns the first question card.</summary>
    protected async Task<ConnectorRequest> StartFlowAsync(ActivityBuilder chat)
    {
        var question = await SayOneAsync(chat, HostTestFlow.TriggerEn);
        Assert.Equal(HostTestFlow.Steps[0], CardReader.StepOf(question.Card));
        return question;
    }

    /// <summary>
    /// Sets the team's channel up with the project "Email triage", then opens a POC retrospective on it from the start
    /// card, as its facilitator; returns the channel and the retro's live card as posted.
    /// </summary>
    protected async Task<(ActivityBuilder Channel, ConnectorRequest Live)> OpenRetroAsync(bool anonymous)
    {
        var channel = TeamChannel();
        await SendAsync(channel, channel.Submit(Conversation.SetupTests.Filled("Email triage")), replies: 1);
        var start = await SayOneAsync(channel, ActivityBuilder.Mention + " retro");
        var open = CardData(CardReader.Action(start.Card, Bot.En("retro.start.open"))["data"]);
        open["project"] = CardReader.Input(start.Card, "project")["value"]!.GetValue<string>();
        open["template"] = "poc";
        open["anonymous"] = anonymous ? "true" : "false";
        var opened = await SendAsync(channel, channel.Submit(open), replies: 2);
        Assert.Equal(Bot.En("retro.opened", ("project", "Email triage")), opened[0].Text);
        return (channel, opened[1]);
    }

    /// <summary>A retro button's data, as its card sends it.</summary>
    protected static JsonObject RetroData(string command, string retroId) => new() { ["command"] = command, ["retro"] = retroId };

    protected static string RetroId(JsonObject liveCard) => CardReader.Actions(liveCard)[0]["data"]!["retro"]!.GetValue<string>();

    /// <summary>Posts an <c>adaptiveCard/action</c> invoke and reads the answer Teams would show.</summary>
    protected async Task<(HttpStatusCode Status, JsonNode Body)> ExecuteAsync(JsonObject invoke, TestBot? bot = null)
    {
        using var response = await (bot ?? Bot).PostAsync(invoke);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    /// <summary>A copy of a button's data, to send back as Teams would.</summary>
    protected static JsonObject CardData(JsonNode? data) => data!.DeepClone().AsObject();

    /// <summary>Plays a conversation script line by line; a failure names the line it happened on.</summary>
    protected async Task<IReadOnlyList<ConnectorRequest>> TalkAsync(ActivityBuilder chat, params Line[] script)
    {
        var language = AiCoachBot.Coaching.Localization.Languages.FromLocale(chat.Locale);
        var all = new List<ConnectorRequest>();
        foreach (var (line, number) in script.Select((l, i) => (l, i + 1)))
        {
            var replies = await SayAsync(chat, line.Says, line.Answers.Length);
            try
            {
                foreach (var (expect, message) in line.Answers.Zip(replies)) expect.Check(message, Bot, language);
            }
            catch (Xunit.Sdk.XunitException ex)
            {
                throw new Xunit.Sdk.XunitException($"Line {number}, user says \"{line.Says}\": {ex.Message}");
            }
            all.AddRange(replies);
        }
        return all;
    }

    public virtual async Task DisposeAsync()
    {
        foreach (var bot in _bots) await bot.DisposeAsync();
        await Connector.DisposeAsync();
        Data.Dispose();
    }
}
