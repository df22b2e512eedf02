using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Localization;
using AiCoachBot.Coaching.Projects;
using AiCoachBot.Coaching.State;
using Microsoft.Extensions.Logging;

namespace AiCoachBot.Coaching.Nudges;

/// <summary>
/// Posts each project's weekly card once. A pass plans (adds the (project, week) job of every set-up project whose
/// time has come, which the job table's key makes idempotent), then claims due jobs a few at a time and posts them,
/// spaced to a configured rate. Any number of instances may run passes together: each job goes to one of them.
/// </summary>
public sealed class NudgeDispatcher(
    CoachingContent content, IDocumentStore store, INudgeJobs jobs, INudgePoster poster, NudgeOptions options, TimeProvider time, ILogger logger)
{
    private const string StoppedMidPost = "the sender stopped while posting";
    private static readonly TimeSpan ShortestRetry = TimeSpan.FromSeconds(1);
    private readonly ProjectStore _projects = new(store, time);
    private readonly WeeklyCardRenderer _card = new(content);
    private readonly Lock _pace = new();
    private DateTimeOffset _nextSlot = DateTimeOffset.MinValue;

    public static string HistoryKey(string projectId) => $"kpi-values/{projectId}";

    /// <summary>The weeks' records, for what shows or changes a posted card.</summary>
    public INudgeJobs Jobs => jobs;

    /// <summary>
    /// One pass: posts whose sender stopped are settled, due weeks planned and reminders sent, then due jobs claimed and
    /// posted until none is left. Returns how many cards this instance posted.
    /// </summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        foreach (var stopped in await jobs.ExpireSendingAsync(time.GetUtcNow(), StoppedMidPost, cancellationToken))
            NudgeLog.Unknown(logger, stopped.ProjectId, stopped.Week, StoppedMidPost);
        var ids = await _projects.NudgedProjectIdsAsync(cancellationToken);
        await Parallel.ForEachAsync(ids, Parallelism(cancellationToken), PlanAsync);

        var posted = 0;
        while (true)
        {
            var now = time.GetUtcNow();
            var claimed = await jobs.ClaimDueAsync(options.InstanceId, now, now + options.ClaimLease, options.Concurrency, cancellationToken);
            if (claimed.Count == 0) return posted;
            await Parallel.ForEachAsync(claimed, Parallelism(cancellationToken), async (job, ct) =>
            {
                if (await SendClaimedSafelyAsync(job, cancellationToken) == NowResult.Posted) Interlocked.Increment(ref posted);
            });
        }
    }

    private ParallelOptions Parallelism(CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = options.Concurrency, CancellationToken = cancellationToken };

    /// <summary>Adds the project's most recent due week, unless it was paused or that week's time came before its set-up.</summary>
    private async ValueTask PlanAsync(string projectId, CancellationToken cancellationToken)
    {
        if (await _projects.ReadForBotAsync(projectId, cancellationToken) is not { Channel: { Plan.Paused: false } setup } project) return;
        if (NudgeTime.FindZone(setup.Plan.TimeZone) is not { } zone)
        {
            NudgeLog.UnknownZone(logger, projectId, setup.Plan.TimeZone);
            return;
        }
        var due = WeeklySchedule.Latest(time.GetUtcNow(), setup.When(zone));
        if (due.DueAt < setup.SetUpAt) return;
        await jobs.PlanAsync(NudgeRecord.Planned(projectId, due.Week, due.DueAt, due.Late, due.DueAt), cancellationToken);
        await RemindAsync(project, setup, due.Week, cancellationToken);
    }

    /// <summary>
    /// One job's failure (the store unreachable a moment, a record that does not render) must not stop the others: it is
    /// logged and the job counted as a try, so a job that always fails ends given up instead of coming back forever.
    /// </summary>
    private async Task<NowResult> SendClaimedSafelyAsync(NudgeRecord claimed, CancellationToken cancellationToken)
    {
        try { return await SendClaimedAsync(claimed, cancellationToken); }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            NudgeLog.JobFailed(logger, claimed.ProjectId, claimed.Week, ex);
            var now = time.GetUtcNow();
            var tried = claimed with { Attempts = claimed.Attempts + 1, ClaimedBy = null, LeaseUntil = null, Problem = ex.GetType().Name };
            try
            {
                await jobs.ReplaceAsync(tried.Attempts >= options.MaxAttempts
                    ? tried with { State = NudgeState.Failed }
                    : tried with { State = NudgeState.Pending, NotBefore = now + options.RetryDelay }, cancellationToken);
            }
            catch (Exception again) when (again is not OperationCanceledException) { NudgeLog.JobFailed(logger, claimed.ProjectId, claimed.Week, again); }
            return NowResult.NotPosted;
        }
    }

    /// <summary>
    /// A job claimed from the pool: posted if its project still wants cards and its week is still the one due; withdrawn
    /// otherwise (a card for a week that a later one replaced is never sent, as after downtime).
    /// </summary>
    private async Task<NowResult> SendClaimedAsync(NudgeRecord claimed, CancellationToken cancellationToken)
    {
        if (await _projects.ReadForBotAsync(claimed.ProjectId, cancellationToken) is { Channel: { Plan.Paused: false } setup } project
            && NudgeTime.FindZone(setup.Plan.TimeZone) is { } zone
            && string.CompareOrdinal(claimed.Week, WeeklySchedule.Latest(time.GetUtcNow(), setup.When(zone)).Week) >= 0)
            return await SendAsync(claimed, project, setup, zone, cancellationToken);
        await jobs.WithdrawAsync(claimed, cancellationToken);
        return NowResult.NotPosted;
    }

    /// <summary>The record of the project's most recent due week, if it was planned: the status says when it went wrong.</summary>
    public async Task<NudgeRecord?> LatestAsync(string projectId, ProjectChannel setup, CancellationToken cancellationToken)
    {
        if (NudgeTime.FindZone(setup.Plan.TimeZone) is not { } zone) return null;
        var due = WeeklySchedule.Latest(time.GetUtcNow(), setup.When(zone));
        return await jobs.FindAsync(projectId, due.Week, cancellationToken);
    }

    /// <summary>What <c>nudges now</c> did with this week's card.</summary>
    public enum NowResult { Posted, AlreadyPosted, NotPosted }

    /// <summary>Posts this week's card now, unless it was posted (or is being posted) already: still once a week.</summary>
    public async Task<NowResult> PostNowAsync(Project project, CancellationToken cancellationToken)
    {
        if (project.Channel is not { } setup || NudgeTime.FindZone(setup.Plan.TimeZone) is not { } zone) return NowResult.NotPosted;
        var now = time.GetUtcNow();
        // The week the status reports as failed or unknown is the one to try again; otherwise this calendar week's.
        var week = await LatestAsync(project.Id, setup, cancellationToken) is { State: NudgeState.Failed or NudgeState.Unknown } trouble
            ? trouble.Week
            : WeeklySchedule.WeekOf(WeeklySchedule.LocalDay(now, zone));
        await jobs.PlanAsync(NudgeRecord.Planned(project.Id, week, now, late: false, now), cancellationToken);
        if (await jobs.ClaimAsync(project.Id, week, options.InstanceId, now, now + options.ClaimLease, cancellationToken) is { } claimed)
            return await SendAsync(claimed, project, setup, zone, cancellationToken);
        return (await jobs.FindAsync(project.Id, week, cancellationToken))?.State == NudgeState.Sent ? NowResult.AlreadyPosted : NowResult.NotPosted;
    }

    /// <summary>
    /// Marks the job as being sent (from then on it is never sent again if this instance stops) just before the post,
    /// once its turn under the rate has come, then records the outcome.
    /// </summary>
    private async Task<NowResult> SendAsync(NudgeRecord claimed, Project project, ProjectChannel setup, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var history = await KpiHistory.ReadAsync(store, project.Id, cancellationToken);
        // Late is decided when the card goes, not when it was planned: retries or downtime may have delayed it.
        var late = claimed.Late || time.GetUtcNow() - claimed.DueAt > WeeklySchedule.LateAfter;
        var card = _card.Render(project, claimed.Week, late, history, WeeklySchedule.LocalDay(time.GetUtcNow(), zone), Languages.FromLocale(setup.Plan.Language));
        await PaceAsync(cancellationToken);
        var now = time.GetUtcNow();
        var sending = await jobs.ReplaceAsync(claimed with { State = NudgeState.Sending, Late = late, Attempts = claimed.Attempts + 1, LeaseUntil = now + options.ClaimLease }, cancellationToken);
        if (sending is null) return NowResult.NotPosted;

        var outcome = await poster.PostAsync(setup.Channel, card, cancellationToken);
        var after = Outcome(sending, outcome, time.GetUtcNow());
        // Null: the post outlasted its lease and another instance recorded it as unknown; that record stands.
        if (await jobs.ReplaceAsync(after, cancellationToken) is null) return NowResult.NotPosted;
        if (outcome.Result == PostResult.Gone) await _projects.PauseForBotAsync(project.Id, outcome.Problem ?? "gone", cancellationToken);
        Log(after, outcome);
        return outcome.Result == PostResult.Posted ? NowResult.Posted : NowResult.NotPosted;
    }

    /// <summary>
    /// One reminder in the card's thread when nobody has recorded a value some days after it was posted. The reminder
    /// is claimed on the week's record first, so it goes at most once, whichever instance gets there.
    /// </summary>
    private async Task RemindAsync(Project project, ProjectChannel setup, string week, CancellationToken cancellationToken)
    {
        var found = await jobs.FindAsync(project.Id, week, cancellationToken);
        if (found is not { State: NudgeState.Sent, SentAt: { } sentAt, ConversationId: { } thread, ReminderClaimedAt: null }) return;
        var now = time.GetUtcNow();
        if (now - sentAt < options.ReminderAfter) return;
        if ((await KpiHistory.ReadAsync(store, project.Id, cancellationToken)).Find(week) is not null) return;
        if (await jobs.ReplaceAsync(found with { ReminderClaimedAt = now }, cancellationToken) is not { } claimed) return;
        var language = Languages.FromLocale(setup.Plan.Language);
        var text = content.Strings.Format(language, "nudge.reminder", ("week", week));
        var outcome = await poster.ReplyAsync(setup.Channel, thread, text, cancellationToken);
        if (outcome.Result == PostResult.Posted) await jobs.ReplaceAsync(claimed with { ReminderSentAt = time.GetUtcNow() }, cancellationToken);
    }

    private NudgeRecord Outcome(NudgeRecord sending, PostOutcome outcome, DateTimeOffset now) => outcome.Result switch
    {
        PostResult.Posted => sending with { State = NudgeState.Sent, LeaseUntil = null, ActivityId = outcome.ActivityId, ConversationId = outcome.ConversationId, SentAt = now, Problem = null },
        PostResult.NotDelivered when sending.Attempts < options.MaxAttempts => sending with
        {
            State = NudgeState.Pending, ClaimedBy = null, LeaseUntil = null, Problem = outcome.Problem,
            NotBefore = now + Max(outcome.RetryAfter ?? options.RetryDelay, ShortestRetry),
        },
        PostResult.Unknown => sending with { State = NudgeState.Unknown, LeaseUntil = null, Problem = outcome.Problem },
        _ => sending with { State = NudgeState.Failed, LeaseUntil = null, Problem = outcome.Problem },
    };

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private void Log(NudgeRecord record, PostOutcome outcome)
    {
        switch (record.State)
        {
            case NudgeState.Sent: NudgeLog.Posted(logger, record.ProjectId, record.Week, record.Late ? " late" : ""); break;
            case NudgeState.Pending: NudgeLog.NotDelivered(logger, record.ProjectId, record.Week, record.Attempts, outcome.Problem); break;
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
