using System.Text.Json.Serialization;

namespace AiCoachBot.Coaching.Nudges;

/// <summary>
/// Where a week's card stands. <see cref="Claimed"/> is written before sending and replaced by the outcome after:
/// a record found claimed long after its claim means the sender stopped during the post, when nobody can know
/// whether Teams got it, so it becomes <see cref="Unknown"/> and is never sent again (a duplicate is worse than a gap).
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<NudgeState>))]
public enum NudgeState { Claimed, Sent, Retry, Failed, Unknown }

/// <summary>
/// One (project, week) card: claimed, sent, to retry, failed or unknown, with what the post returned. The reminder is
/// claimed the same way, at most once a week, whatever became of it.
/// </summary>
public sealed record NudgeRecord(
    string ProjectId,
    string Week,
    NudgeState State,
    DateTimeOffset DueAt,
    bool Late,
    DateTimeOffset ClaimedAt,
    string ClaimedBy,
    int Attempts,
    DateTimeOffset? NextAttemptAt = null,
    string? ActivityId = null,
    string? ConversationId = null,
    DateTimeOffset? SentAt = null,
    string? Problem = null,
    DateTimeOffset? ReminderClaimedAt = null,
    DateTimeOffset? ReminderSentAt = null);
