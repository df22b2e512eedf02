using System.ComponentModel.DataAnnotations;

namespace AiCoachBot.Coaching.Privacy;

/// <summary>Privacy:* settings.</summary>
public sealed class PrivacyOptions
{
    public const string Section = "Privacy";

    /// <summary>Conversation state untouched this many days (a guided conversation left unfinished, say) is erased.</summary>
    [Range(1, 3650)]
    public int RetentionDays { get; set; } = 90;

    /// <summary>How often the retention purge runs.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromHours(6);
}
