using System.ComponentModel.DataAnnotations;

namespace AiCoachBot.Protocol.Hosting;

public sealed class BotEndpointOptions
{
    public const string Section = "BotEndpoint";

    /// <summary>Teams messages are capped near 100 KB of text; a larger body is refused with 413.</summary>
    [Range(16 * 1024, 4 * 1024 * 1024)]
    public int MaxBodyBytes { get; set; } = 256 * 1024;

    [Range(typeof(TimeSpan), "00:00:00.100", "00:00:10")]
    public TimeSpan TypingDelay { get; set; } = TimeSpan.FromSeconds(1);

    [Range(typeof(TimeSpan), "00:00:01", "00:00:10")]
    public TimeSpan TypingInterval { get; set; } = TimeSpan.FromSeconds(3);
}
