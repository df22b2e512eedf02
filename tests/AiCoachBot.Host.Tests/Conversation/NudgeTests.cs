using System.Net;
using System.Text.Json.Nodes;
using AiCoachBot.Coaching.Nudges;
using AiCoachBot.Host.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AiCoachBot.Host.Tests.Conversation;

/// <summary>The weekly card over the wire: posted as a new post in the channel at the local time, values recorded from it, the card updated in place.</summary>
public sealed class NudgeTests : BotTest
{
    // Sunday 29 November 2026, 12:00 UTC; the set-up asks for Mondays at 09:00 Paris time (08:00 UTC).
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Nudges:Enabled"] = "false", ["Nudges:MaxPostsPerSecond"] = "1000" };

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(_clock);

    [Fact]
    public async Task TheWeeklyCard_IsPostedInTheChannelAtItsTime_AndItsValuesAreRecordedAndShownInPlace()
    {
        var channel = TeamChannel();
        await SendAsync(channel, channel.Submit(SetupTests.Filled("Email triage")), replies: 1);
        var channelId = channel.Message("x")["channelData"]!["channel"]!["id"]!.GetValue<string>();
        var dispatcher = Bot.Services.GetRequiredService<NudgeDispatcher>();

        _clock.Advance(TimeSpan.FromHours(19)); // Monday 07:00 UTC: not yet
        Assert.Equal(0, await dispatcher.RunOnceAsync(default));
        _clock.Advance(TimeSpan.FromHours(1.5));
        Assert.Equal(1, await dispatcher.RunOnceAsync(default));
        Assert.Equal(0, await dispatcher.RunOnceAsync(default));

        var post = Assert.Single(Connector.Requests, r => r.Method == "POST" && r.ConversationId == channelId);
        Assert.True(post.Body!["isGroup"]!.GetValue<bool>());
        var card = post.Body["activity"]!["attachments"]![0]!["content"]!.AsObject();
        Assert.Equal(Bot.En("nudge.card.title", ("project", "Email triage")), CardReader.Texts(card)[0]);
        var submit = CardData(CardReader.Action(card, Bot.En("nudge.card.submit"))["data"]);
        var inputs = card.ToJsonString().Split("\"id\":\"value.").Skip(1).Select(s => "value." + s.Split('"')[0]).ToList();
        Assert.Equal(2, inputs.Count);
        submit[inputs[0]] = "11,5";
        var thread = channel.InThread($"{channelId};messageid={post.ResponseId}");

        var recorded = await SendAsync(thread, thread.Submit(submit.DeepClone(), post.ResponseId), replies: 1);
        submit[inputs[1]] = "20";
        var replaced = await SendAsync(thread, thread.Submit(submit.DeepClone(), post.ResponseId), replies: 1);

        Assert.Equal(Bot.En("nudge.submit.recorded", ("week", "2026-W49"), ("values", "Handling time = 11.5 min")), recorded[0].Text);
        Assert.Equal(Bot.En("nudge.submit.replaced", ("week", "2026-W49"), ("values", "Handling time = 11.5 min; Adoption = 20 %")), replaced[0].Text);
        var update = Connector.Requests.Last(r => r.Method == "PUT");
        Assert.Equal(post.ResponseId, update.ActivityId);
        Assert.Contains(CardReader.Texts(update.Body!["attachments"]![0]!["content"]), t => t.StartsWith("This week: **20**", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TwoTeamsInTwoTimeZones_EachGetTheirCardAtTheirOwnNineOClock()
    {
        var paris = TeamChannel();
        var newYork = TeamChannel();
        await SendAsync(paris, paris.Submit(SetupTests.Filled("Email triage")), replies: 1);
        var american = SetupTests.Filled("Claims triage");
        american["timeZone"] = "Eastern Standard Time";
        await SendAsync(newYork, newYork.Submit(american), replies: 1);
        var dispatcher = Bot.Services.GetRequiredService<NudgeDispatcher>();
        var posts = new List<(string Team, DateTimeOffset At)>();

        for (var i = 0; i < 30 * 4; i++) // until Monday 18:00 UTC
        {
            _clock.Advance(TimeSpan.FromMinutes(15));
            var before = Connector.Requests.Count(r => r.Body?["isGroup"] is not null);
            await dispatcher.RunOnceAsync(default);
            foreach (var post in Connector.Requests.Where(r => r.Body?["isGroup"] is not null).Skip(before))
                posts.Add((post.Body!["channelData"]!["team"]?["id"]?.GetValue<string>() ?? post.ConversationId!, _clock.GetUtcNow()));
        }

        Assert.Equal(2, posts.Count);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero), posts[0].At); // 09:00 in Paris (UTC+1)
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 14, 0, 0, TimeSpan.Zero), posts[1].At); // 09:00 in New York (UTC-5)
    }

    [Fact]
    public async Task WithNoValueTwoDaysLater_OneReminderGoesInTheCardsThread()
    {
        var channel = TeamChannel();
        await SendAsync(channel, channel.Submit(SetupTests.Filled("Email triage")), replies: 1);
        var channelId = channel.Message("x")["channelData"]!["channel"]!["id"]!.GetValue<string>();
        var dispatcher = Bot.Services.GetRequiredService<NudgeDispatcher>();
        _clock.Advance(TimeSpan.FromHours(21));
        await dispatcher.RunOnceAsync(default);
        var post = Assert.Single(Connector.Requests, r => r.Body?["isGroup"] is not null);
        var thread = $"{channelId};messageid={post.ResponseId}";

        _clock.Advance(TimeSpan.FromDays(2.1));
        await dispatcher.RunOnceAsync(default);
        await dispatcher.RunOnceAsync(default);

        var reminder = Assert.Single(Connector.RequestsTo(thread), r => r.Method == "POST");
        Assert.Equal(Bot.En("nudge.reminder", ("week", "2026-W49")), reminder.Text);
    }

    [Fact]
    public async Task ValuesThatAreNotNumbers_OrACardOfAnotherTeam_AreRefused()
    {
        var channel = TeamChannel();
        var (submit, input) = await FirstCardAsync(channel);
        submit[input] = "about ten";
        var otherTeam = TeamChannel();

        var notANumber = await SendAsync(channel, channel.Submit(submit.DeepClone()), replies: 1);
        submit[input] = "10";
        var foreign = await SendAsync(otherTeam, otherTeam.Submit(submit.DeepClone()), replies: 1);

        Assert.Equal(Bot.En("nudge.submit.invalid", ("kpi", "Handling time"), ("value", "about ten")), notANumber[0].Text);
        Assert.Equal(Bot.En("nudge.submit.unknown"), foreign[0].Text);
    }

    [Fact]
    public async Task AValueFarOutsideTheRange_AsksForConfirmationFirst_AndKpiHistoryExportsWhatWasRecorded()
    {
        var channel = TeamChannel();
        var (submit, input) = await FirstCardAsync(channel);
        submit[input] = "115";

        var doubt = await SendAsync(channel, channel.Submit(submit.DeepClone()), replies: 1);
        var empty = await SayOneAsync(channel, ActivityBuilder.Mention + " kpi history");
        var confirm = CardReader.Action(doubt[0].Card, Bot.En("nudge.submit.confirmButton"));
        var recorded = await SendAsync(channel, channel.Submit(CardData(confirm["data"])), replies: 1);
        var history = await SayAsync(channel, ActivityBuilder.Mention + " kpi history", replies: 2);

        Assert.Equal(Bot.En("nudge.submit.confirm", ("value", "Handling time = 115"), ("low", "8"), ("high", "12")), CardReader.Texts(doubt[0].Card)[0]);
        Assert.Equal(Bot.En("kpi.history.none", ("project", "Email triage")), empty.Text);
        Assert.StartsWith("Recorded for week 2026-W49: Handling time = 115 min", recorded[0].Text);
        Assert.Equal(Bot.En("kpi.history.intro", ("project", "Email triage"), ("weeks", "1")), history[0].Text);
        Assert.StartsWith("```csv\nweek,kpi,unit,value,baseline,target,direction,recorded_by,recorded_at\n2026-W49,Handling time,min,115,12,8,lower,Grace Hopper,2026-11-30T", history[1].Text);
    }

    [Fact]
    public async Task NudgesNow_PostsThisWeeksCardAtOnce_ButOnlyOnce()
    {
        var channel = TeamChannel();
        await SendAsync(channel, channel.Submit(SetupTests.Filled("Email triage")), replies: 1);
        _clock.Advance(TimeSpan.FromHours(12)); // Monday 00:00 UTC: before this week's time

        var now = await SayOneAsync(channel, ActivityBuilder.Mention + " nudges now");
        var again = await SayOneAsync(channel, ActivityBuilder.Mention + " nudges now");
        _clock.Advance(TimeSpan.FromHours(9));
        var atItsTime = await Bot.Services.GetRequiredService<NudgeDispatcher>().RunOnceAsync(default);

        Assert.Equal(Bot.En("nudges.now.posted", ("project", "Email triage")), now.Text);
        Assert.Equal(Bot.En("nudges.now.already", ("project", "Email triage")), again.Text);
        Assert.Equal(0, atItsTime);
        Assert.Single(Connector.Requests, r => r.Method == "POST" && r.Body?["isGroup"] is not null);
    }

    [Fact]
    public async Task AStormOf429_IsWaitedOut_AndTheCardIsPostedOnce()
    {
        var channel = TeamChannel();
        await SendAsync(channel, channel.Submit(SetupTests.Filled("Email triage")), replies: 1);
        _clock.Advance(TimeSpan.FromHours(21));
        var dispatcher = Bot.Services.GetRequiredService<NudgeDispatcher>();
        // The connector client tries 5 times (Retry-After honoured), then the pass gives up until the next one.
        Connector.FailNext(429, times: 5, retryAfterSeconds: 0, code: "Throttled");

        Assert.Equal(0, await dispatcher.RunOnceAsync(default));
        _clock.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(1, await dispatcher.RunOnceAsync(default));

        var creates = Connector.Requests.Where(r => r.Method == "POST" && r.Body?["isGroup"] is not null).ToList();
        Assert.Equal(6, creates.Count);
        Assert.Single(creates, r => r.Delivered);
    }

    [Fact]
    public async Task ACardThatKeepsFailing_IsGivenUpAfterItsTries_ReportedInTheStatus_AndPostedWhenSomeoneAsks()
    {
        var channel = TeamChannel();
        await SendAsync(channel, channel.Submit(SetupTests.Filled("Email triage")), replies: 1);
        _clock.Advance(TimeSpan.FromHours(21));
        var dispatcher = Bot.Services.GetRequiredService<NudgeDispatcher>();
        var tries = new NudgeOptions().MaxAttempts;
        // Each try is five requests from the connector client, all throttled.
        Connector.FailNext(429, times: 5 * tries, retryAfterSeconds: 0, code: "Throttled");

        for (var i = 0; i < tries + 3; i++)
        {
            Assert.Equal(0, await dispatcher.RunOnceAsync(default));
            _clock.Advance(TimeSpan.FromMinutes(3));
        }
        var status = CardReader.Texts((await SayOneAsync(channel, ActivityBuilder.Mention + " kpi status")).Card);
        var asked = await SayOneAsync(channel, ActivityBuilder.Mention + " nudges now");
        var after = CardReader.Texts((await SayOneAsync(channel, ActivityBuilder.Mention + " kpi status")).Card);

        Assert.Equal(5 * tries + 1, Connector.Requests.Count(r => r.Method == "POST" && r.Body?["isGroup"] is not null));
        Assert.Single(Bot.Logs.Entries, e => e.EventId.Id == 6005);
        Assert.Contains(Bot.En("kpi.status.failed", ("week", "2026-W49"), ("attempts", tries.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("problem", "429 Throttled")), status);
        Assert.Equal(Bot.En("nudges.now.posted", ("project", "Email triage")), asked.Text);
        Assert.DoesNotContain(after, t => t.Contains("2026-W49", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("08:59:30.5", 29.5)]
    [InlineData("09:00:00", 60)]
    [InlineData("09:00:00.001", 59.999)]
    public void Passes_FallOnTheClocksMarks_SoEveryInstanceStartsOnADueCardAtOnce(string at, double secondsToWait)
    {
        var now = new DateTimeOffset(DateOnly.FromDateTime(new DateTime(2026, 11, 30)), TimeOnly.Parse(at, System.Globalization.CultureInfo.InvariantCulture), TimeSpan.Zero);

        Assert.Equal(TimeSpan.FromSeconds(secondsToWait), AiCoachBot.Host.Nudges.NudgeService.UntilNextTick(TimeSpan.FromMinutes(1), now));
    }

    [Fact]
    public async Task ARestartInTheMiddleOfASendRun_NeitherDuplicatesNorLoses()
    {
        var first = TeamChannel();
        var second = TeamChannel();
        await SendAsync(first, first.Submit(SetupTests.Filled("Email triage")), replies: 1);
        await SendAsync(second, second.Submit(SetupTests.Filled("Invoice matching")), replies: 1);
        _clock.Advance(TimeSpan.FromHours(21));
        Connector.HangNext();

        // The bot stops while the first card's post is on the wire: nobody can know whether Teams got it.
        using (var stopping = new CancellationTokenSource(TimeSpan.FromMilliseconds(500)))
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Bot.Services.GetRequiredService<NudgeDispatcher>().RunOnceAsync(stopping.Token));
        await StopAsync(Bot);
        _clock.Advance(TimeSpan.FromMinutes(6));
        var restarted = StartBot();
        await restarted.Services.GetRequiredService<NudgeDispatcher>().RunOnceAsync(default);
        await restarted.Services.GetRequiredService<NudgeDispatcher>().RunOnceAsync(default);

        var creates = Connector.Requests.Where(r => r.Method == "POST" && r.Body?["isGroup"] is not null).ToList();
        Assert.Equal(2, creates.Count);
        Assert.Single(creates, r => r.Delivered);
        Assert.Contains(restarted.Logs.Entries, e => e.EventId.Id == 6004);
    }

    /// <summary>Sets the channel's project up, lets Monday 09:00 pass, and returns the posted card's button data and first input.</summary>
    private async Task<(JsonObject Submit, string Input)> FirstCardAsync(ActivityBuilder channel)
    {
        await SendAsync(channel, channel.Submit(SetupTests.Filled("Email triage")), replies: 1);
        _clock.Advance(TimeSpan.FromHours(21));
        await Bot.Services.GetRequiredService<NudgeDispatcher>().RunOnceAsync(default);
        var card = Connector.Requests.Single(r => r.Method == "POST" && r.Body?["isGroup"] is not null).Body!["activity"]!["attachments"]![0]!["content"]!.AsObject();
        return (CardData(CardReader.Action(card, Bot.En("nudge.card.submit"))["data"]), "value." + card.ToJsonString().Split("\"id\":\"value.")[1].Split('"')[0]);
    }

    [Fact]
    public async Task AChannelTheBotWasRemovedFrom_PausesTheProject()
    {
        var channel = TeamChannel();
        await SendAsync(channel, channel.Submit(SetupTests.Filled("Email triage")), replies: 1);
        _clock.Advance(TimeSpan.FromHours(21));
        Connector.FailNext(403, code: "BotNotInConversationRoster");

        Assert.Equal(0, await Bot.Services.GetRequiredService<NudgeDispatcher>().RunOnceAsync(default));

        var status = CardReader.Texts((await SayOneAsync(channel, ActivityBuilder.Mention + " kpi status")).Card);
        Assert.Contains(Bot.En("kpi.status.paused"), status);
        Assert.Contains(Bot.Logs.Entries, e => e.EventId.Id == 6003 && e.Message.Contains("403"));
    }
}
