using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Localization;
using AiCoachBot.Coaching.Projects;
using AiCoachBot.Coaching.State;
using Microsoft.Extensions.Logging;

namespace AiCoachBot.Coaching.Nudges;

/// <summary>
/// Posts each project's weekly card once. For every set-up project it finds the most recent due week; a week's
/// record is claimed (written only if absent, or unchanged since read) before the post and holds its outcome after,
/// so two instances, or one restarted, never post the same week twice. Posts are spaced to a configured rate.
/// </summary>
public sealed class NudgeDispatcher(
    CoachingContent content, IDocumentStore store, INudgePoster poster, NudgeOptions options, TimeProvider time, ILogger logger)
{
    private readonly ProjectStore _projects = new(store, time);
    private readonly WeeklyCardRenderer _card = new(content);
    private readonly Lock _pace = new();
    private DateTimeOffset _nextSlot = DateTimeOffset.MinValue;

    public static string RecordKey(string projectId, string week) => $"nudge/{projectId}/{week}";

    public static string HistoryKey(string projectId) => $"kpi-values/{projectId}";

    /// <summary>
    /// One pass over every set-up project, a few at a time (reading and writing the store takes longer than the
    /// rate allows between posts); the posts themselves keep to the rate. Returns how many cards it posted.
    /// </summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var posted = 0;
        var ids = await _projects.NudgedProjectIdsAsync(cancellationToken);
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency, CancellationToken = cancellationToken }, async (id, ct) =>
        {
            if (await SendDueAsync(id, ct)) Interlocked.Increment(ref posted);
        });
        return posted;
    }

    private async Task<bool> SendDueAsync(string projectId, CancellationToken cancellationToken)
    {
        if (await _projects.ReadForBotAsync(projectId, cancellationToken) is not { Channel: { Plan.Paused: false } setup } project) return false;
        if (NudgeTime.FindZone(setup.Plan.TimeZone) is not { } zone)
        {
            NudgeLog.UnknownZone(logger, projectId, setup.Plan.TimeZone);
            return false;
        }
        var now = time.GetUtcNow();
        var due = WeeklySchedule.Latest(now, new NudgeTime(setup.Plan.Day, setup.Plan.Time, zone));
        // A week whose time had passed before the set-up was saved is not owed.
        if (due.DueAt < setup.SetUpAt) return false;
        var posted = await PostAsync(project, setup, zone, due, cancellationToken) == NowResult.Posted;
        await RemindAsync(project, setup, due.Week, cancellationToken);
        return posted;
    }

    /// <summary>What <c>nudges now</c> did with this week's card.</summary>
    public enum NowResult { Posted, AlreadyPosted, NotPosted }

    /// <summary>Posts this week's card now, unless it was posted (or is being posted) already: still once a week.</summary>
    public async Task<NowResult> PostNowAsync(Project project, CancellationToken cancellationToken)
    {
        if (project.Channel is not { } setup || NudgeTime.FindZone(setup.Plan.TimeZone) is not { } zone) return NowResult.NotPosted;
        var now = time.GetUtcNow();
        var week = WeeklySchedule.WeekOf(WeeklySchedule.LocalDay(now, zone));
        return await PostAsync(project, setup, zone, new DueWeek(week, now, Late: false), cancellationToken);
    }

    private async Task<NowResult> PostAsync(Project project, ProjectChannel setup, TimeZoneInfo zone, DueWeek due, CancellationToken cancellationToken)
    {
        var projectId = project.Id;
        var now = time.GetUtcNow();
        var key = RecordKey(projectId, due.Week);
        var existing = await store.ReadAsync(key, CoachingJsonContext.Default.NudgeRecord, cancellationToken);
        if (!await MayClaimAsync(key, existing, now, cancellationToken)) return existing?.Value.State == NudgeState.Sent ? NowResult.AlreadyPosted : NowResult.NotPosted;
        var claim = new NudgeRecord(projectId, due.Week, NudgeState.Claimed, due.DueAt, due.Late, now, options.InstanceId, (existing?.Value.Attempts ?? 0) + 1);
        string etag;
        try { etag = await store.WriteAsync(key, claim, existing?.ETag, CoachingJsonContext.Default.NudgeRecord, cancellationToken); }
        catch (ConcurrencyConflictException) { return NowResult.NotPosted; }

        var history = await KpiHistory.ReadAsync(store, projectId, cancellationToken);
        var today = WeeklySchedule.LocalDay(now, zone);
        var card = _card.Render(project, due.Week, due.Late, history, today, Languages.FromLocale(setup.Plan.Language));
        await PaceAsync(cancellationToken);
        var outcome = await poster.PostAsync(setup.Channel, card, cancellationToken);
        var after = Outcome(claim, outcome, now);
        try { await store.WriteAsync(key, after, etag, CoachingJsonContext.Default.NudgeRecord, cancellationToken); }
        catch (ConcurrencyConflictException) { }
        if (outcome.Result == PostResult.Gone) await _projects.PauseForBotAsync(projectId, outcome.Problem ?? "gone", cancellationToken);
        Log(after, outcome);
        return outcome.Result == PostResult.Posted ? NowResult.Posted : NowResult.NotPosted;
    }

    /// <summary>
    /// One reminder in the card's thread when nobody has recorded a value some days after it was posted. The reminder
    /// is claimed on the week's record first, so it goes at most once, whichever instance gets there.
    /// </summary>
    private async Task RemindAsync(Project project, ProjectChannel setup, string week, CancellationToken cancellationToken)
    {
        var key = RecordKey(project.Id, week);
        var found = await store.ReadAsync(key, CoachingJsonContext.Default.NudgeRecord, cancellationToken);
        if (found?.Value is not { State: NudgeState.Sent, SentAt: { } sentAt, ConversationId: { } thread, ReminderClaimedAt: null } record) return;
        var now = time.GetUtcNow();
        if (now - sentAt < options.ReminderAfter) return;
        if ((await KpiHistory.ReadAsync(store, project.Id, cancellationToken)).Find(week) is not null) return;
        string etag;
        try { etag = await store.WriteAsync(key, record with { ReminderClaimedAt = now }, found.ETag, CoachingJsonContext.Default.NudgeRecord, cancellationToken); }
        catch (ConcurrencyConflictException) { return; }
        var language = Languages.FromLocale(setup.Plan.Language);
        var text = content.Strings.Format(language, "nudge.reminder", ("week", week));
        var outcome = await poster.ReplyAsync(setup.Channel, thread, text, cancellationToken);
        if (outcome.Result != PostResult.Posted) return;
        try { await store.WriteAsync(key, record with { ReminderClaimedAt = now, ReminderSentAt = time.GetUtcNow() }, etag, CoachingJsonContext.Default.NudgeRecord, cancellationToken); }
        catch (ConcurrencyConflictException) { }
    }

    /// <summary>Absent, or due for another try. A claim past its lease turns unknown: its sender stopped mid-post.</summary>
    private async Task<bool> MayClaimAsync(string key, Versioned<NudgeRecord>? existing, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (existing is null) return true;
        var record = existing.Value;
        switch (record.State)
        {
            case NudgeState.Retry:
                return record.NextAttemptAt is not { } next || next <= now;
            case NudgeState.Claimed when now - record.ClaimedAt > options.ClaimLease:
                try
                {
                    await store.WriteAsync(key, record with { State = NudgeState.Unknown, Problem = "the sender stopped while posting" }, existing.ETag, CoachingJsonContext.Default.NudgeRecord, cancellationToken);
                    NudgeLog.Unknown(logger, record.ProjectId, record.Week, "the sender stopped while posting");
                }
                catch (ConcurrencyConflictException) { }
                return false;
            default:
                return false;
        }
    }

    private NudgeRecord Outcome(NudgeRecord claim, PostOutcome outcome, DateTimeOffset now) => outcome.Result switch
    {
        PostResult.Posted => claim with { State = NudgeState.Sent, ActivityId = outcome.ActivityId, ConversationId = outcome.ConversationId, SentAt = time.GetUtcNow() },
        PostResult.NotDelivered when claim.Attempts < options.MaxAttempts =>
            claim with { State = NudgeState.Retry, NextAttemptAt = now + (outcome.RetryAfter ?? options.RetryDelay), Problem = outcome.Problem },
        PostResult.Unknown => claim with { State = NudgeState.Unknown, Problem = outcome.Problem },
        _ => claim with { State = NudgeState.Failed, Problem = outcome.Problem },
    };

    private void Log(NudgeRecord record, PostOutcome outcome)
    {
        switch (record.State)
        {
            case NudgeState.Sent: NudgeLog.Posted(logger, record.ProjectId, record.Week, record.Late ? " late" : ""); break;
            case NudgeState.Retry: NudgeLog.NotDelivered(logger, record.ProjectId, record.Week, record.Attempts, outcome.Problem); break;
            case NudgeState.Unknown: NudgeLog.Unknown(logger, record.ProjectId, record.Week, outcome.Problem); break;
            case NudgeState.Failed when outcome.Result == PostResult.Gone: NudgeLog.Gone(logger, record.ProjectId, outcome.Problem); break;
            case NudgeState.Failed: NudgeLog.GivenUp(logger, record.ProjectId, record.Week, record.Attempts, outcome.Problem); break;
        }
    }

    /// <summary>
    /// Gives each post its own slot, at least 1/<see cref="NudgeOptions.MaxPostsPerSecond"/> after the previous one
    /// (with 2% to spare, so timer jitter never puts one more in a one-second window), and waits for it.
    /// </summary>
    private async Task PaceAsync(CancellationToken cancellationToken)
    {
        var gap = TimeSpan.FromSeconds(1.02 / options.MaxPostsPerSecond);
        TimeSpan wait;
        lock (_pace)
        {
            var now = time.GetUtcNow();
            var slot = _nextSlot > now ? _nextSlot : now;
            _nextSlot = slot + gap;
            wait = slot - now;
        }
        if (wait > TimeSpan.Zero) await Task.Delay(wait, time, cancellationToken);
    }
}
