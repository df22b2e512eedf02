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
    private DateTimeOffset _lastPost = DateTimeOffset.MinValue;

    public static string RecordKey(string projectId, string week) => $"nudge/{projectId}/{week}";

    public static string HistoryKey(string projectId) => $"kpi-values/{projectId}";

    /// <summary>One pass over every set-up project; returns how many cards it posted.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var posted = 0;
        foreach (var id in await _projects.NudgedProjectIdsAsync(cancellationToken))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (await SendDueAsync(id, cancellationToken)) posted++;
        }
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

        var key = RecordKey(projectId, due.Week);
        var existing = await store.ReadAsync(key, CoachingJsonContext.Default.NudgeRecord, cancellationToken);
        if (!await MayClaimAsync(key, existing, now, cancellationToken)) return false;
        var claim = new NudgeRecord(projectId, due.Week, NudgeState.Claimed, due.DueAt, due.Late, now, options.InstanceId, (existing?.Value.Attempts ?? 0) + 1);
        string etag;
        try { etag = await store.WriteAsync(key, claim, existing?.ETag, CoachingJsonContext.Default.NudgeRecord, cancellationToken); }
        catch (ConcurrencyConflictException) { return false; }

        await PaceAsync(cancellationToken);
        var history = (await store.ReadAsync(HistoryKey(projectId), CoachingJsonContext.Default.KpiHistory, cancellationToken))?.Value ?? new KpiHistory([]);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var card = _card.Render(project, due.Week, due.Late, history, today, Languages.FromLocale(setup.Plan.Language));
        var outcome = await poster.PostAsync(setup.Channel, card, cancellationToken);
        var after = Outcome(claim, outcome, now);
        try { await store.WriteAsync(key, after, etag, CoachingJsonContext.Default.NudgeRecord, cancellationToken); }
        catch (ConcurrencyConflictException) { }
        if (outcome.Result == PostResult.Gone) await _projects.PauseForBotAsync(projectId, outcome.Problem ?? "gone", cancellationToken);
        Log(after, outcome);
        return outcome.Result == PostResult.Posted;
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

    /// <summary>Spaces posts to at most <see cref="NudgeOptions.MaxPostsPerSecond"/>.</summary>
    private async Task PaceAsync(CancellationToken cancellationToken)
    {
        var gap = TimeSpan.FromSeconds(1 / options.MaxPostsPerSecond);
        var wait = _lastPost + gap - time.GetUtcNow();
        if (wait > TimeSpan.Zero) await Task.Delay(wait, time, cancellationToken);
        _lastPost = time.GetUtcNow();
    }
}
