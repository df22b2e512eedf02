namespace AiCoachBot.Coaching.Nudges;

/// <summary>
/// Where a week's card stands. Planning adds it <see cref="Pending"/>; an instance takes it <see cref="Claimed"/> for a
/// lease, and marks it <see cref="Sending"/> just before the post. A claim whose lease ran out returns to the pool (its
/// instance stopped before posting); a post whose lease ran out turns <see cref="Unknown"/> and is never sent again,
/// since nobody can know whether Teams got it and a duplicate is worse than a gap. A post not delivered goes back to
/// <see cref="Pending"/> for later, until its tries run out: then it is <see cref="Failed"/>, and reported.
/// </summary>
public enum NudgeState { Pending, Claimed, Sending, Sent, Failed, Unknown }

/// <summary>
/// The job and the record of one (project, week) card, unique by that pair: planned, claimed, sent or given up, with
/// what the post returned. The reminder is claimed on it too, at most once a week, whatever became of it.
/// <see cref="Version"/> is the store's: a change names the version it read and fails if another came first.
/// </summary>
public sealed record NudgeRecord(
    string ProjectId,
    string Week,
    NudgeState State,
    DateTimeOffset DueAt,
    bool Late,
    DateTimeOffset NotBefore,
    int Attempts = 0,
    string? ClaimedBy = null,
    DateTimeOffset? LeaseUntil = null,
    string? ActivityId = null,
    string? ConversationId = null,
    DateTimeOffset? SentAt = null,
    string? Problem = null,
    DateTimeOffset? ReminderClaimedAt = null,
    DateTimeOffset? ReminderSentAt = null,
    long Version = 0)
{
    /// <summary>A new job: due at <paramref name="dueAt"/>, to post from <paramref name="notBefore"/>.</summary>
    public static NudgeRecord Planned(string projectId, string week, DateTimeOffset dueAt, bool late, DateTimeOffset notBefore) =>
        new(projectId, week, NudgeState.Pending, dueAt, late, notBefore);
}
