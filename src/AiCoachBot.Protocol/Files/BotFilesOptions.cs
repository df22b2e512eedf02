using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace AiCoachBot.Protocol.Files;

/// <summary>Sending files to users: where uploads may go, how large they may be, and how hard to try.</summary>
public sealed partial class BotFilesOptions : IValidatableObject
{
    public const string Section = "BotFiles";

    /// <summary>A single PUT must stay under 60 MiB (OneDrive upload sessions).</summary>
    public const int MaxSinglePutBytes = 60 * 1024 * 1024 - 1;

    public static IReadOnlyList<string> DefaultUploadHostSuffixes { get; } = ["sharepoint.com", "sharepoint-df.com", "sharepoint.us"];

    /// <summary>
    /// Upload URLs must be https on one of these hosts or a subdomain of one. Setting the list replaces the
    /// defaults (null here, because configuration binding appends to a list that already has items).
    /// </summary>
    public string[]? UploadHostSuffixes { get; set; }

    public IReadOnlyList<string> AllowedUploadHostSuffixes => UploadHostSuffixes is { Length: > 0 } configured ? configured : DefaultUploadHostSuffixes;

    [Range(1, MaxSinglePutBytes)]
    public int MaxUploadBytes { get; set; } = 4 * 1024 * 1024;

    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(60);

    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    [Range(typeof(TimeSpan), "00:00:00", "00:00:30")]
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A Retry-After longer than this is not waited for: the upload fails as throttled instead.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(15);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var suffix in UploadHostSuffixes ?? [])
        {
            if (suffix is null || !HostSuffix().IsMatch(suffix))
                yield return new ValidationResult(
                    $"'{suffix}' is not a host name suffix such as 'sharepoint.com': at least two labels, no scheme, no leading dot, not an IP address.",
                    [nameof(UploadHostSuffixes)]);
        }
    }

    // Two labels at least, so a bare 'com' cannot open every .com host; the last label starts with a letter, so no IP.
    [GeneratedRegex("^([a-z0-9]([a-z0-9-]*[a-z0-9])?\\.)+[a-z]([a-z0-9-]*[a-z0-9])?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HostSuffix();
}
