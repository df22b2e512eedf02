using System.ComponentModel.DataAnnotations;

namespace AiCoachBot.Coaching.Coach;

/// <summary>How the coach answers free-text questions (section <c>Coach</c>).</summary>
public sealed class CoachOptions
{
    public const string Section = "Coach";

    /// <summary>A longer question is cut to this many characters, with a notice.</summary>
    [Range(200, 4000)]
    public int MaxQuestionLength { get; set; } = 1500;

    /// <summary>How long an identical question is answered from the cache.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "90.00:00:00")]
    public TimeSpan CacheLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Tokens one user may spend on the language model per day (UTC); then answers are offline.</summary>
    [Range(0, 10_000_000)]
    public int DailyTokenBudget { get; set; } = 20_000;

    /// <summary>Passages given to the model (and the offline answer's sources).</summary>
    [Range(1, 10)]
    public int MaxPassages { get; set; } = 5;

    /// <summary>The model's answer must arrive within this, retries included, or the offline answer is given (Teams waits about 15 s).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:00:14")]
    public TimeSpan ModelDeadline { get; set; } = TimeSpan.FromSeconds(10);

    [Range(50, 2000)]
    public int MaxOutputTokens { get; set; } = 400;
}
