using System.ComponentModel.DataAnnotations;

namespace AiCoachBot.Coaching.Nudges;

/// <summary>How the weekly cards are sent (section <c>Nudges</c>).</summary>
public sealed class NudgeOptions
{
    public const string Section = "Nudges";

    /// <summary>Whether this instance looks for due cards at all (the tests drive the dispatcher themselves).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often due cards are looked for.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long a claimed card, then its post, stays with the instance that took it. A claim past it returns to the pool
    /// (its instance stopped before posting); a post past it is recorded as unknown (stopped mid-post) and not sent again.
    /// </summary>
    // Longer than the connector's own time limit with its retries (45 s), so that a post still running is never taken for a stopped one.
    [Range(typeof(TimeSpan), "00:02:00", "01:00:00")]
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Posts not delivered are tried this many times in all, then reported as failed.</summary>
    [Range(1, 50)]
    public int MaxAttempts { get; set; } = 6;

    /// <summary>Wait before trying a post again when the connector gave no Retry-After.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Posts per second at most for this instance, so that a thousand projects due at 09:00 do not burst (n instances post up to n times this).</summary>
    [Range(0.1, 1000)]
    public double MaxPostsPerSecond { get; set; } = 5;

    /// <summary>With no value recorded this long after the card, one reminder goes in its thread.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "6.00:00:00")]
    public TimeSpan ReminderAfter { get; set; } = TimeSpan.FromDays(2);

    /// <summary>Projects planned, and cards claimed, at the same time in a pass (their posts still keep to the rate).</summary>
    [Range(1, 64)]
    public int Concurrency { get; set; } = 8;

    /// <summary>This instance, in the claims it writes (several may run).</summary>
    public string InstanceId { get; set; } = $"{Environment.MachineName}-{Environment.ProcessId}";
}
