namespace AiCoachBot.Coaching.Nudges;

/// <summary>
/// The weekly cards to post, one row per (project, week), shared by every instance. Planning may run everywhere: a
/// job is added only if its (project, week) is absent. Claiming hands each due job to one instance for a lease, and a
/// job changes only from the <see cref="NudgeRecord.Version"/> its changer read, so the record's steps never cross.
/// </summary>
public interface INudgeJobs
{
    /// <returns>True when this call added the job; false when its (project, week) was there already.</returns>
    Task<bool> PlanAsync(NudgeRecord job, CancellationToken cancellationToken);

    /// <summary>
    /// Up to <paramref name="max"/> jobs for <paramref name="instance"/> until <paramref name="leaseUntil"/>: pending ones
    /// whose time has come, and claims whose lease ran out. Instances claiming together never get the same job.
    /// </summary>
    Task<IReadOnlyList<NudgeRecord>> ClaimDueAsync(string instance, DateTimeOffset now, DateTimeOffset leaseUntil, int max, CancellationToken cancellationToken);

    /// <summary>
    /// One job, asked for by a person (<c>nudges now</c>), who can see whether an unknown post arrived: pending (whatever
    /// its time), failed, unknown, or a claim whose lease ran out. Null when it is absent, sent, or another instance holds it.
    /// </summary>
    Task<NudgeRecord?> ClaimAsync(string projectId, string week, string instance, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken);

    /// <returns>The job as stored now (its version moved on), or null when it changed since <paramref name="changed"/>'s version was read.</returns>
    Task<NudgeRecord?> ReplaceAsync(NudgeRecord changed, CancellationToken cancellationToken);

    /// <summary>Removes a job nobody changed since it was read (its project stopped wanting cards before it was posted).</summary>
    Task<bool> WithdrawAsync(NudgeRecord job, CancellationToken cancellationToken);

    /// <summary>Posts whose lease ran out become <see cref="NudgeState.Unknown"/> with <paramref name="problem"/>; returns them.</summary>
    Task<IReadOnlyList<NudgeRecord>> ExpireSendingAsync(DateTimeOffset now, string problem, CancellationToken cancellationToken);

    Task<NudgeRecord?> FindAsync(string projectId, string week, CancellationToken cancellationToken);

    /// <summary>Removes the settled weeks (sent, failed, unknown) due before <paramref name="before"/>; returns how many.</summary>
    Task<int> PurgeSettledAsync(DateTimeOffset before, CancellationToken cancellationToken);
}
