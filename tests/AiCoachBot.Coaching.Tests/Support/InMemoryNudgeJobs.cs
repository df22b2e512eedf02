using AiCoachBot.Coaching.Nudges;

namespace AiCoachBot.Coaching.Tests.Support;

/// <summary>The job table's contract in memory (the SQL tables are held to the same one in the infrastructure tests).</summary>
internal sealed class InMemoryNudgeJobs : INudgeJobs
{
    private readonly Dictionary<(string, string), NudgeRecord> _jobs = [];

    public IReadOnlyList<NudgeRecord> All { get { lock (_jobs) return [.. _jobs.Values]; } }

    public Task<bool> PlanAsync(NudgeRecord job, CancellationToken cancellationToken)
    {
        lock (_jobs) return Task.FromResult(_jobs.TryAdd((job.ProjectId, job.Week), job));
    }

    public Task<IReadOnlyList<NudgeRecord>> ClaimDueAsync(string instance, DateTimeOffset now, DateTimeOffset leaseUntil, int max, CancellationToken cancellationToken)
    {
        lock (_jobs)
        {
            var due = _jobs.Values
                .Where(j => (j.State == NudgeState.Pending && j.NotBefore <= now) || (j.State == NudgeState.Claimed && j.LeaseUntil <= now))
                .OrderBy(j => j.NotBefore).Take(max).ToList();
            return Task.FromResult<IReadOnlyList<NudgeRecord>>([.. due.Select(j => Store(Claimed(j, instance, leaseUntil)))]);
        }
    }

    public Task<NudgeRecord?> ClaimAsync(string projectId, string week, string instance, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        lock (_jobs)
        {
            var claimable = _jobs.TryGetValue((projectId, week), out var job)
                && (job.State is NudgeState.Pending or NudgeState.Failed or NudgeState.Unknown || (job.State == NudgeState.Claimed && job.LeaseUntil <= now));
            return Task.FromResult(claimable ? Store(Claimed(job!, instance, leaseUntil)) : null);
        }
    }

    public Task<NudgeRecord?> ReplaceAsync(NudgeRecord changed, CancellationToken cancellationToken)
    {
        lock (_jobs)
        {
            var current = _jobs.TryGetValue((changed.ProjectId, changed.Week), out var job) && job.Version == changed.Version;
            return Task.FromResult(current ? Store(changed with { Version = changed.Version + 1 }) : null);
        }
    }

    public Task<bool> WithdrawAsync(NudgeRecord job, CancellationToken cancellationToken)
    {
        lock (_jobs)
        {
            var current = _jobs.TryGetValue((job.ProjectId, job.Week), out var found) && found.Version == job.Version;
            return Task.FromResult(current && _jobs.Remove((job.ProjectId, job.Week)));
        }
    }

    public Task<IReadOnlyList<NudgeRecord>> ExpireSendingAsync(DateTimeOffset now, string problem, CancellationToken cancellationToken)
    {
        lock (_jobs)
        {
            var expired = _jobs.Values.Where(j => j.State == NudgeState.Sending && j.LeaseUntil <= now).ToList();
            return Task.FromResult<IReadOnlyList<NudgeRecord>>(
                [.. expired.Select(j => Store(j with { State = NudgeState.Unknown, Problem = problem, LeaseUntil = null, Version = j.Version + 1 }))]);
        }
    }

    public Task<NudgeRecord?> FindAsync(string projectId, string week, CancellationToken cancellationToken)
    {
        lock (_jobs) return Task.FromResult(_jobs.GetValueOrDefault((projectId, week)));
    }

    public Task<int> PurgeSettledAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        lock (_jobs)
        {
            var settled = _jobs.Values.Where(j => j.State is NudgeState.Sent or NudgeState.Failed or NudgeState.Unknown && j.DueAt < before).ToList();
            foreach (var job in settled) _jobs.Remove((job.ProjectId, job.Week));
            return Task.FromResult(settled.Count);
        }
    }

    private static NudgeRecord Claimed(NudgeRecord job, string instance, DateTimeOffset leaseUntil) =>
        job with { State = NudgeState.Claimed, ClaimedBy = instance, LeaseUntil = leaseUntil, Version = job.Version + 1 };

    private NudgeRecord Store(NudgeRecord job) => _jobs[(job.ProjectId, job.Week)] = job;
}
