using AiCoachBot.Coaching.State;

namespace AiCoachBot.Coaching.Privacy;

/// <summary>
/// Erases the conversation state nobody has touched for <see cref="PrivacyOptions.RetentionDays"/>: where someone was in a
/// guided conversation, the coach's last answer to them, their daily model budget, and the record of each coach answer
/// (the masked question and its feedback). A document written again since it was listed stays: the deletion names the
/// version it saw. Projects, KPI history and retros are the teams' records and are not purged by age. The weekly cards'
/// settled records go after <see cref="NudgeRecordsKept"/>, long after any button on a card could still need them.
/// </summary>
public sealed class RetentionPurge(IDocumentStore store, TimeProvider time, PrivacyOptions options, Nudges.INudgeJobs? jobs = null)
{
    public static readonly IReadOnlyList<string> Prefixes = ["session/", "coach-last/", "coach-usage/", "coach-answer/"];

    public static readonly TimeSpan NudgeRecordsKept = TimeSpan.FromDays(400);

    /// <returns>How many documents were erased.</returns>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var before = time.GetUtcNow() - TimeSpan.FromDays(options.RetentionDays);
        var erased = 0;
        foreach (var prefix in Prefixes)
        {
            await foreach (var document in store.ListAsync(prefix, cancellationToken))
            {
                if (document.UpdatedAt >= before) continue;
                try { if (await store.DeleteAsync(document.Key, document.ETag, cancellationToken)) erased++; }
                catch (ConcurrencyConflictException) { }
            }
        }
        if (jobs is not null) erased += await jobs.PurgeSettledAsync(time.GetUtcNow() - NudgeRecordsKept, cancellationToken);
        return erased;
    }
}
