using AiCoachBot.Coaching.Nudges;

namespace AiCoachBot.Infrastructure.Tests;

/// <summary>
/// What the weekly cards' job table promises, on each engine: a (project, week) is planned once whoever plans it; a
/// due job goes to one instance; a claim whose instance stopped returns to the pool after its lease; a post whose
/// instance stopped is never sent again; a change made from a stale read changes nothing.
/// </summary>
public abstract class NudgeJobsContract
{
    protected static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateTimeOffset Monday = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    /// <summary>The table of a fresh, empty database.</summary>
    protected abstract Task<INudgeJobs> OpenAsync();

    /// <summary>The same table through a second store: another instance of the service.</summary>
    protected abstract Task<INudgeJobs> OpenAnotherAsync();

    /// <summary>A database as the previous version left it, holding one week's record as a document, opened by this version.</summary>
    protected abstract Task<INudgeJobs> UpgradeWithDocumentAsync(string key, string json);

    [Fact]
    public async Task AWeek_IsPlannedOnce_HoweverManyInstancesPlanItTogether()
    {
        var instances = new[] { await OpenAsync(), await OpenAnotherAsync() };

        var added = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => instances[i % 2].PlanAsync(Job("p1"), None)));

        Assert.Equal(1, added.Count(a => a));
        Assert.Equal(NudgeState.Pending, (await instances[0].FindAsync("p1", "2026-W49", None))!.State);
    }

    [Fact]
    public async Task DueJobs_AreSplitBetweenInstancesClaimingTogether_EachToExactlyOne()
    {
        var jobs = await OpenAsync();
        for (var i = 0; i < 60; i++) await jobs.PlanAsync(Job($"p{i}"), None);
        var instances = new[] { ("a", jobs), ("b", await OpenAnotherAsync()), ("c", await OpenAnotherAsync()) };

        var claims = await Task.WhenAll(instances.Select(async instance =>
        {
            var mine = new List<NudgeRecord>();
            while (await instance.Item2.ClaimDueAsync(instance.Item1, Monday, Monday + Lease, 4, None) is { Count: > 0 } batch) mine.AddRange(batch);
            return mine;
        }));

        var all = claims.SelectMany(c => c).ToList();
        Assert.Equal(60, all.Count);
        Assert.Equal(60, all.Select(j => j.ProjectId).Distinct().Count());
        Assert.All(all, j => Assert.Equal((NudgeState.Claimed, Monday + Lease), (j.State, j.LeaseUntil)));
        Assert.All(claims.Zip(instances), pair => Assert.All(pair.First, j => Assert.Equal(pair.Second.Item1, j.ClaimedBy)));
    }

    [Fact]
    public async Task AJobBeforeItsTime_IsNotClaimed_ButAPersonAskingForItGetsIt()
    {
        var jobs = await OpenAsync();
        await jobs.PlanAsync(Job("p1") with { NotBefore = Monday.AddMinutes(3) }, None);

        Assert.Empty(await jobs.ClaimDueAsync("a", Monday, Monday + Lease, 10, None));
        var asked = await jobs.ClaimAsync("p1", "2026-W49", "a", Monday, Monday + Lease, None);

        Assert.Equal((NudgeState.Claimed, "a"), (asked!.State, asked.ClaimedBy));
        Assert.Null(await jobs.ClaimAsync("p1", "2026-W49", "b", Monday, Monday + Lease, None));
    }

    [Fact]
    public async Task AClaimWhoseInstanceStopped_ReturnsToThePoolAfterItsLease_AndTheStoppedInstanceCanNoLongerSendIt()
    {
        var crashed = await OpenAsync();
        for (var i = 0; i < 3; i++) await crashed.PlanAsync(Job($"p{i}"), None);
        var taken = await crashed.ClaimDueAsync("crashed", Monday, Monday + Lease, 10, None);
        var survivor = await OpenAnotherAsync();

        Assert.Empty(await survivor.ClaimDueAsync("survivor", Monday.AddMinutes(4), Monday.AddMinutes(9), 10, None));
        var returned = await survivor.ClaimDueAsync("survivor", Monday + Lease, Monday.AddMinutes(10), 10, None);

        Assert.Equal(taken.Select(j => j.ProjectId).Order(), returned.Select(j => j.ProjectId).Order());
        Assert.All(returned, j => Assert.Equal("survivor", j.ClaimedBy));
        Assert.Null(await crashed.ReplaceAsync(taken[0] with { State = NudgeState.Sending }, None));
    }

    [Fact]
    public async Task APostWhoseInstanceStopped_TurnsUnknownAfterItsLease_AndNoPassClaimsItAgain_OnlyAPersonAsking()
    {
        var jobs = await OpenAsync();
        await jobs.PlanAsync(Job("p1"), None);
        var claimed = Assert.Single(await jobs.ClaimDueAsync("a", Monday, Monday + Lease, 10, None));
        await jobs.ReplaceAsync(claimed with { State = NudgeState.Sending, Attempts = 1, LeaseUntil = Monday.AddMinutes(1) + Lease }, None);

        Assert.Empty(await jobs.ExpireSendingAsync(Monday.AddMinutes(5), "stopped", None));
        var expired = Assert.Single(await jobs.ExpireSendingAsync(Monday.AddMinutes(6), "stopped", None));

        Assert.Equal((NudgeState.Unknown, "stopped"), (expired.State, expired.Problem));
        Assert.Empty(await jobs.ClaimDueAsync("b", Monday.AddDays(1), Monday.AddDays(1) + Lease, 10, None));
        Assert.Empty(await jobs.ExpireSendingAsync(Monday.AddDays(1), "stopped", None));
        Assert.NotNull(await jobs.ClaimAsync("p1", "2026-W49", "b", Monday.AddDays(1), Monday.AddDays(1) + Lease, None));
    }

    [Fact]
    public async Task AChangeFromAStaleRead_ChangesNothing()
    {
        var jobs = await OpenAsync();
        await jobs.PlanAsync(Job("p1"), None);
        var read = (await jobs.FindAsync("p1", "2026-W49", None))!;
        var changed = await jobs.ReplaceAsync(read with { Problem = "first" }, None);

        Assert.Null(await jobs.ReplaceAsync(read with { Problem = "second" }, None));
        Assert.False(await jobs.WithdrawAsync(read, None));
        Assert.Equal("first", (await jobs.FindAsync("p1", "2026-W49", None))!.Problem);
        Assert.Equal(read.Version + 1, changed!.Version);
    }

    [Fact]
    public async Task AWithdrawnJob_IsGone_AndItsWeekMayBePlannedAgain()
    {
        var jobs = await OpenAsync();
        await jobs.PlanAsync(Job("p1"), None);

        Assert.True(await jobs.WithdrawAsync((await jobs.FindAsync("p1", "2026-W49", None))!, None));

        Assert.Null(await jobs.FindAsync("p1", "2026-W49", None));
        Assert.True(await jobs.PlanAsync(Job("p1"), None));
    }

    [Fact]
    public async Task ARecord_KeepsEveryField_ToTheMillisecond()
    {
        var jobs = await OpenAsync();
        await jobs.PlanAsync(Job("p1"), None);
        var claimed = (await jobs.ClaimAsync("p1", "2026-W49", "a", Monday, Monday + Lease, None))!;
        var sent = claimed with
        {
            State = NudgeState.Sent, Attempts = 2, Late = true, LeaseUntil = null, ActivityId = "1:act", ConversationId = "19:c@thread.tacv2;messageid=1",
            SentAt = Monday.AddSeconds(1.234), Problem = "429 then posted", ReminderClaimedAt = Monday.AddDays(2), ReminderSentAt = Monday.AddDays(2).AddSeconds(3),
        };

        var stored = await jobs.ReplaceAsync(sent, None);

        Assert.Equal(sent with { Version = claimed.Version + 1 }, stored);
        Assert.Equal(stored, await jobs.FindAsync("p1", "2026-W49", None));
        Assert.Null(await jobs.FindAsync("p1", "2026-W50", None));
    }

    [Fact]
    public async Task ASentWeek_IsNotClaimedAgain_EvenByAPersonAsking()
    {
        var jobs = await OpenAsync();
        await jobs.PlanAsync(Job("p1") with { State = NudgeState.Sent, Attempts = 1 }, None);

        Assert.Empty(await jobs.ClaimDueAsync("a", Monday.AddDays(1), Monday.AddDays(1) + Lease, 10, None));
        Assert.Null(await jobs.ClaimAsync("p1", "2026-W49", "a", Monday.AddDays(1), Monday.AddDays(1) + Lease, None));
    }

    [Fact]
    public async Task AFailedWeek_IsNotClaimedByThePasses_ButAPersonMayAskForItAgain()
    {
        var jobs = await OpenAsync();
        await jobs.PlanAsync(Job("p1") with { State = NudgeState.Failed, Attempts = 6 }, None);

        Assert.Empty(await jobs.ClaimDueAsync("a", Monday.AddDays(1), Monday.AddDays(1) + Lease, 10, None));
        Assert.NotNull(await jobs.ClaimAsync("p1", "2026-W49", "a", Monday.AddDays(1), Monday.AddDays(1) + Lease, None));
    }

    [Fact]
    public async Task SettledWeeksBeforeADate_ArePurged_AndNothingStillToDo()
    {
        var jobs = await OpenAsync();
        await jobs.PlanAsync(Job("sent") with { State = NudgeState.Sent }, None);
        await jobs.PlanAsync(Job("failed") with { State = NudgeState.Failed }, None);
        await jobs.PlanAsync(Job("unknown") with { State = NudgeState.Unknown }, None);
        await jobs.PlanAsync(Job("pending"), None);
        await jobs.PlanAsync(Job("recent") with { State = NudgeState.Sent, DueAt = Monday.AddDays(7), Week = "2026-W50" }, None);

        Assert.Equal(3, await jobs.PurgeSettledAsync(Monday.AddDays(1), None));

        Assert.NotNull(await jobs.FindAsync("pending", "2026-W49", None));
        Assert.NotNull(await jobs.FindAsync("recent", "2026-W50", None));
        Assert.Null(await jobs.FindAsync("sent", "2026-W49", None));
    }

    [Theory]
    [InlineData("Sent", "sent")]
    [InlineData("Retry", "pending")]
    [InlineData("Claimed", "unknown")]
    [InlineData("Failed", "failed")]
    public async Task AnUpgrade_MovesTheRecordsKeptAsDocuments_SoNoWeekIsPostedTwice(string before, string after)
    {
        var jobs = await UpgradeWithDocumentAsync("nudge/p1/2026-W49", $$"""
            {"projectId":"p1","week":"2026-W49","state":"{{before}}","dueAt":"2026-11-30T08:00:00+00:00","late":true,
             "claimedAt":"2026-11-30T08:00:01.25+00:00","claimedBy":"old","attempts":2,"nextAttemptAt":"2026-11-30T08:03:00+00:00",
             "activityId":"1:act","conversationId":"19:c;messageid=1","sentAt":"2026-11-30T08:00:02.5+00:00"}
            """);

        var moved = (await jobs.FindAsync("p1", "2026-W49", None))!;

        Assert.Equal(after, moved.State.ToString().ToLowerInvariant());
        Assert.Equal((Monday, true, 2, "1:act", "19:c;messageid=1", Monday.AddSeconds(2.5)), (moved.DueAt, moved.Late, moved.Attempts, moved.ActivityId, moved.ConversationId, moved.SentAt));
        Assert.Equal(Monday.AddMinutes(3), moved.NotBefore);
        Assert.False(await jobs.PlanAsync(Job("p1"), None));
    }

    private static NudgeRecord Job(string projectId) => NudgeRecord.Planned(projectId, "2026-W49", Monday, late: false, Monday);
}
