using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Nudges;
using AiCoachBot.Coaching.Projects;
using AiCoachBot.Coaching.State;
using AiCoachBot.Coaching.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace AiCoachBot.Coaching.Tests;

/// <summary>The weekly cards: posted once per (project, week), at the local time, late after downtime, never twice.</summary>
public sealed class NudgeDispatcherTests
{
    private static readonly CoachingContent Content = CoachingContent.Load(Paths.Content, []);
    // Sunday 29 November 2026, 12:00 UTC: the set-ups are saved then.
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));
    private readonly InMemoryDocumentStore _store = new();
    private readonly InMemoryNudgeJobs _jobs = new();
    private readonly FakePoster _poster = new();

    public NudgeDispatcherTests() => _poster.Clock = _clock;

    [Fact]
    public async Task AYearOfTicks_PostsEachProjectOncePerWeek_AtItsOwnLocalTime_AcrossTheClockChanges()
    {
        var paris = await SetUpAsync("Paris", "Europe/Paris");
        var newYork = await SetUpAsync("New York", "America/New_York");
        var dispatcher = Dispatcher();

        for (var i = 0; i < 52 * 7 * 24 * 4; i++)
        {
            await dispatcher.RunOnceAsync(default);
            _clock.Advance(TimeSpan.FromMinutes(15));
        }

        var posts = _poster.Posts.ToList();
        Assert.Equal(104, posts.Count);
        foreach (var (project, zone) in new[] { (paris, "Europe/Paris"), (newYork, "America/New_York") })
        {
            var mine = posts.Where(p => p.Channel.ChannelId == project.Channel!.Channel.ChannelId).Select(p => TimeZoneInfo.ConvertTime(p.At, NudgeTime.FindZone(zone)!)).ToList();
            Assert.Equal(52, mine.Count);
            // Posted within the quarter-hour after 09:00 local, whether the clocks were on summer or winter time.
            Assert.All(mine, local => Assert.Equal((DayOfWeek.Monday, 9), (local.DayOfWeek, local.Hour)));
            Assert.Equal(2, mine.Select(l => l.Offset).Distinct().Count());
        }
    }

    [Fact]
    public async Task TwoInstancesRunningTogether_PostEachWeekOnce()
    {
        await SetUpAsync("Paris", "Europe/Paris");
        var first = Dispatcher("a");
        var second = Dispatcher("b");
        _clock.Advance(TimeSpan.FromHours(21)); // Monday 09:00 Paris has passed

        await Task.WhenAll(Enumerable.Range(0, 10).Select(i => (i % 2 == 0 ? first : second).RunOnceAsync(default)));

        Assert.Single(_poster.Posts);
    }

    [Fact]
    public async Task AfterDowntime_TheMissedCardIsPostedLateOnce_AndOlderWeeksNever()
    {
        await SetUpAsync("Paris", "Europe/Paris");
        _clock.Advance(TimeSpan.FromDays(10)); // Wednesday 9 December: W49 was missed, W50 is due

        await Dispatcher().RunOnceAsync(default);
        await Dispatcher().RunOnceAsync(default);

        var post = Assert.Single(_poster.Posts);
        Assert.Contains("2026-W50", post.Card.ToJsonString());
        var record = await RecordAsync(post, "2026-W50");
        Assert.True(record.Late);
        Assert.Null(await _jobs.FindAsync(ProjectId(post), "2026-W49", default));
    }

    [Fact]
    public async Task APostWhoseSenderStopped_IsNeverPostedAgain()
    {
        var project = await SetUpAsync("Paris", "Europe/Paris");
        _clock.Advance(TimeSpan.FromHours(21));
        var now = _clock.GetUtcNow();
        await _jobs.PlanAsync(new NudgeRecord(project.Id, "2026-W49", NudgeState.Sending, now, false, now, 1, "crashed", now + new NudgeOptions().ClaimLease), default);

        await Dispatcher().RunOnceAsync(default);
        _clock.Advance(TimeSpan.FromMinutes(10));
        await Dispatcher().RunOnceAsync(default);
        await Dispatcher().RunOnceAsync(default);

        Assert.Empty(_poster.Posts);
        Assert.Equal(NudgeState.Unknown, (await _jobs.FindAsync(project.Id, "2026-W49", default))!.State);
    }

    [Fact]
    public async Task AClaimWhoseInstanceStoppedBeforePosting_IsPostedByAnotherAfterTheLease_Once()
    {
        var project = await SetUpAsync("Paris", "Europe/Paris");
        _clock.Advance(TimeSpan.FromHours(21));
        var now = _clock.GetUtcNow();
        await _jobs.PlanAsync(new NudgeRecord(project.Id, "2026-W49", NudgeState.Claimed, now, false, now, 0, "crashed", now + new NudgeOptions().ClaimLease), default);

        await Dispatcher("b").RunOnceAsync(default);
        Assert.Empty(_poster.Posts);
        _clock.Advance(TimeSpan.FromMinutes(6));
        await Task.WhenAll(Dispatcher("b").RunOnceAsync(default), Dispatcher("c").RunOnceAsync(default));
        await Dispatcher("b").RunOnceAsync(default);

        Assert.Single(_poster.Posts);
        var record = (await _jobs.FindAsync(project.Id, "2026-W49", default))!;
        Assert.Equal((NudgeState.Sent, 1), (record.State, record.Attempts));
    }

    [Fact]
    public async Task AProjectPausedBetweenPlanningAndPosting_GetsNoCard_AndGetsThisWeeksCardIfResumedInTime()
    {
        var project = await SetUpAsync("Paris", "Europe/Paris");
        _clock.Advance(TimeSpan.FromHours(21));
        var week = WeeklySchedule.Latest(_clock.GetUtcNow(), new NudgeTime(DayOfWeek.Monday, new TimeOnly(9, 0), NudgeTime.FindZone("Europe/Paris")!));
        await _jobs.PlanAsync(NudgeRecord.Planned(project.Id, week.Week, week.DueAt, false, week.DueAt), default);
        var projects = new ProjectStore(_store, _clock);
        var team = new ProjectOwnership("tenant", ProjectOwnerKind.Team, "team-Paris");
        await projects.SetPausedAsync(team, project.Id, ["owner"], paused: true, default);

        await Dispatcher().RunOnceAsync(default);
        Assert.Empty(_poster.Posts);
        Assert.Null(await _jobs.FindAsync(project.Id, week.Week, default));

        _clock.Advance(TimeSpan.FromHours(1));
        await projects.SetPausedAsync(team, project.Id, ["owner"], paused: false, default);
        await Dispatcher().RunOnceAsync(default);
        Assert.Contains(week.Week, Assert.Single(_poster.Posts).Card.ToJsonString());
    }

    [Fact]
    public async Task AThrottledPost_IsTriedAgainAfterItsRetryAfter_AndThenPostedOnce()
    {
        await SetUpAsync("Paris", "Europe/Paris");
        _clock.Advance(TimeSpan.FromHours(21));
        _poster.Next.Enqueue(new PostOutcome(PostResult.NotDelivered, RetryAfter: TimeSpan.FromMinutes(3), Problem: "429"));
        var dispatcher = Dispatcher();

        await dispatcher.RunOnceAsync(default);
        _clock.Advance(TimeSpan.FromMinutes(1));
        await dispatcher.RunOnceAsync(default);
        _clock.Advance(TimeSpan.FromMinutes(3));
        await dispatcher.RunOnceAsync(default);
        await dispatcher.RunOnceAsync(default);

        Assert.Equal(2, _poster.Attempts);
        var post = Assert.Single(_poster.Posts);
        Assert.Equal((NudgeState.Sent, 2), ((await RecordAsync(post, "2026-W49")).State, (await RecordAsync(post, "2026-W49")).Attempts));
    }

    [Fact]
    public async Task ABotRemovedFromTheTeam_PausesTheProject_WithTheReason_AndNothingMoreIsTried()
    {
        var project = await SetUpAsync("Paris", "Europe/Paris");
        _clock.Advance(TimeSpan.FromHours(21));
        _poster.Next.Enqueue(new PostOutcome(PostResult.Gone, Problem: "403 BotNotInConversationRoster"));
        var dispatcher = Dispatcher();

        await dispatcher.RunOnceAsync(default);
        _clock.Advance(TimeSpan.FromDays(7));
        await dispatcher.RunOnceAsync(default);

        Assert.Equal(1, _poster.Attempts);
        var paused = (await new ProjectStore(_store, _clock).ReadForBotAsync(project.Id, default))!.Channel!.Plan;
        Assert.Equal((true, "403 BotNotInConversationRoster"), (paused.Paused, paused.PausedReason));
    }

    [Fact]
    public async Task APostThatKeepsFailing_IsGivenUpAfterItsAttempts()
    {
        await SetUpAsync("Paris", "Europe/Paris");
        _clock.Advance(TimeSpan.FromHours(21));
        for (var i = 0; i < 10; i++) _poster.Next.Enqueue(new PostOutcome(PostResult.NotDelivered, Problem: "503"));
        var dispatcher = Dispatcher();

        for (var i = 0; i < 10; i++)
        {
            await dispatcher.RunOnceAsync(default);
            _clock.Advance(TimeSpan.FromMinutes(5));
        }

        Assert.Equal(new NudgeOptions().MaxAttempts, _poster.Attempts);
        Assert.Empty(_poster.Posts);
    }

    [Fact]
    public async Task AJobLeftFromAWeekALaterOneReplaced_IsWithdrawn_AndOnlyTheDueWeekIsPosted()
    {
        var project = await SetUpAsync("Paris", "Europe/Paris");
        _clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromHours(21)); // Monday 7 December 09:00 Paris has passed: W50 is due
        var old = _clock.GetUtcNow().AddDays(-7);
        await _jobs.PlanAsync(new NudgeRecord(project.Id, "2026-W49", NudgeState.Pending, old, false, old, Attempts: 2, Problem: "503"), default);

        await Dispatcher().RunOnceAsync(default);

        Assert.Contains("2026-W50", Assert.Single(_poster.Posts).Card.ToJsonString());
        Assert.Null(await _jobs.FindAsync(project.Id, "2026-W49", default));
    }

    [Fact]
    public async Task ACardThatCannotBePrepared_DoesNotStopTheOthers_AndIsGivenUpAfterItsTries()
    {
        var broken = await SetUpAsync("Paris", "Europe/Paris");
        await SetUpAsync("Lyon", "Europe/Paris");
        await _store.WriteAsync(NudgeDispatcher.HistoryKey(broken.Id), "{ damaged", null, default);
        _clock.Advance(TimeSpan.FromHours(21));
        var dispatcher = Dispatcher();

        for (var i = 0; i < new NudgeOptions().MaxAttempts + 2; i++)
        {
            await dispatcher.RunOnceAsync(default);
            _clock.Advance(TimeSpan.FromMinutes(3));
        }

        Assert.Single(_poster.Posts);
        var record = (await _jobs.FindAsync(broken.Id, "2026-W49", default))!;
        Assert.Equal((NudgeState.Failed, new NudgeOptions().MaxAttempts), (record.State, record.Attempts));
    }

    [Fact]
    public async Task ACardPostedLongAfterItsTime_IsMarkedLateThen_WhateverItsPlanningSaid()
    {
        var project = await SetUpAsync("Paris", "Europe/Paris");
        _clock.Advance(TimeSpan.FromHours(22)); // 10:00 Paris, an hour after the card's time
        var due = _clock.GetUtcNow().AddHours(-1);
        await _jobs.PlanAsync(NudgeRecord.Planned(project.Id, "2026-W49", due, late: false, due), default);

        await Dispatcher().RunOnceAsync(default);

        Assert.True((await _jobs.FindAsync(project.Id, "2026-W49", default))!.Late);
    }

    [Fact]
    public async Task TheWeekWhoseTimeHadPassedBeforeTheSetUp_IsNotOwed()
    {
        _clock.Advance(TimeSpan.FromHours(22)); // Monday 30 November, 11:00 Paris: set up after this week's time
        await SetUpAsync("Paris", "Europe/Paris");

        await Dispatcher().RunOnceAsync(default);
        _clock.Advance(TimeSpan.FromDays(7));
        await Dispatcher().RunOnceAsync(default);

        Assert.Contains("2026-W50", Assert.Single(_poster.Posts).Card.ToJsonString());
    }

    [Fact]
    public async Task WithNoValuesTwoDaysAfterTheCard_OneReminderGoesInItsThread_OnceWhateverTheInstances()
    {
        await SetUpAsync("Paris", "Europe/Paris");
        _clock.Advance(TimeSpan.FromHours(21));
        await Dispatcher("a").RunOnceAsync(default);
        var thread = Assert.Single(_poster.Posts).Channel.ChannelId + ";messageid=1";

        _clock.Advance(TimeSpan.FromDays(1));
        await Dispatcher("a").RunOnceAsync(default);
        Assert.Empty(_poster.Replies);
        _clock.Advance(TimeSpan.FromDays(1.5));
        await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Dispatcher(i % 2 == 0 ? "a" : "b").RunOnceAsync(default)));
        _clock.Advance(TimeSpan.FromDays(2));
        await Dispatcher("b").RunOnceAsync(default);

        var reminder = Assert.Single(_poster.Replies);
        Assert.Equal(thread, reminder.Thread);
        Assert.Contains("2026-W49", reminder.Text);
    }

    [Fact]
    public async Task OnceValuesAreRecorded_NoReminderGoes()
    {
        var project = await SetUpAsync("Paris", "Europe/Paris");
        _clock.Advance(TimeSpan.FromHours(21));
        await Dispatcher().RunOnceAsync(default);
        var history = new KpiHistory([]).With(new KpiWeek("2026-W49", new Dictionary<string, decimal> { ["k1"] = 11 }, "u", "U", _clock.GetUtcNow()));
        await _store.WriteAsync(NudgeDispatcher.HistoryKey(project.Id), history, null, CoachingJsonContext.Default.KpiHistory, default);

        _clock.Advance(TimeSpan.FromDays(3));
        await Dispatcher().RunOnceAsync(default);

        Assert.Empty(_poster.Replies);
    }

    [Fact]
    public async Task NextWeeksCard_DrawsTheValuesAndThePathToTarget_WithATextFallback()
    {
        var project = await SetUpAsync("Paris", "Europe/Paris");
        var history = new KpiHistory([]).With(new KpiWeek("2026-W49", new Dictionary<string, decimal> { ["k1"] = 11.5m }, "u", "U", _clock.GetUtcNow()));
        await _store.WriteAsync(NudgeDispatcher.HistoryKey(project.Id), history, null, CoachingJsonContext.Default.KpiHistory, default);
        _clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromHours(21));

        await Dispatcher().RunOnceAsync(default);

        var card = Assert.Single(_poster.Posts).Card.ToJsonString();
        var chart = JsonNode.Parse(card)!["body"]!.AsArray().Single(e => (string?)e!["type"] == "Chart.Line")!;
        Assert.Equal(["Recorded", "Path to target"], chart["data"]!.AsArray().Select(d => (string)d!["legend"]!));
        Assert.Equal(11.5m, chart["data"]![0]!["values"]![0]!["y"]!.GetValue<decimal>());
        Assert.Equal("TextBlock", (string?)chart["fallback"]!["type"]);
        Assert.Contains("on track: 11.5 against 11.67", (string?)chart["fallback"]!["text"]);
    }

    private NudgeDispatcher Dispatcher(string instance = "test") =>
        new(Content, _store, _jobs, _poster, new NudgeOptions { InstanceId = instance, MaxPostsPerSecond = 1000 }, _clock, NullLogger.Instance);

    private async Task<Project> SetUpAsync(string name, string zone)
    {
        var projects = new ProjectStore(_store, _clock);
        var team = new ProjectOwnership("tenant", ProjectOwnerKind.Team, "team-" + name);
        var project = (await projects.CreateAsync(team, name, "", "poc", "owner", default)).Created!;
        var kpi = new Kpi("k1", "Handling time", "min", 12, 8, KpiDirection.LowerIsBetter, "CRM report", "Ops");
        var setup = new ProjectChannel(new ChannelReference("https://smba.example/emea/", "tenant", "team-" + name, "19:" + name + "@thread.tacv2"),
            [kpi], new NudgePlan(DayOfWeek.Monday, new TimeOnly(9, 0), zone, "en"), "owner", "Owner", _clock.GetUtcNow(), []);
        var (outcome, saved) = await projects.SetChannelAsync(team, project.Id, setup, "poc", ["owner"], default);
        Assert.Equal(SetupOutcome.Saved, outcome);
        return saved!;
    }

    private async Task<NudgeRecord> RecordAsync(FakePoster.Post post, string week) => (await _jobs.FindAsync(ProjectId(post), week, default))!;

    private static string ProjectId(FakePoster.Post post) =>
        post.Card.ToJsonString().Split("\"project\":\"")[1].Split('"')[0];

    private sealed class FakePoster : INudgePoster
    {
        public sealed record Post(ChannelReference Channel, JsonObject Card, DateTimeOffset At);

        public ConcurrentQueue<PostOutcome> Next { get; } = new();
        public ConcurrentQueue<Post> Posts { get; } = new();
        private int _attempts;
        public int Attempts => _attempts;
        public TimeProvider? Clock { get; set; }

        public Task<PostOutcome> PostAsync(ChannelReference channel, JsonObject card, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _attempts);
            if (Next.TryDequeue(out var scripted)) return Task.FromResult(scripted);
            Posts.Enqueue(new Post(channel, card, Now()));
            return Task.FromResult(new PostOutcome(PostResult.Posted, $"a{_attempts}", channel.ChannelId + ";messageid=" + _attempts));
        }

        public ConcurrentQueue<(string Thread, string Text)> Replies { get; } = new();

        public Task<PostOutcome> ReplyAsync(ChannelReference channel, string threadId, string text, CancellationToken cancellationToken)
        {
            Replies.Enqueue((threadId, text));
            return Task.FromResult(new PostOutcome(PostResult.Posted, "r" + Replies.Count, threadId));
        }

        private DateTimeOffset Now() => Clock?.GetUtcNow() ?? DateTimeOffset.MinValue;
    }
}
