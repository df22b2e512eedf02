using System.ComponentModel.DataAnnotations;

namespace AiCoachBot.Coaching.Content;

public sealed class ContentOptions
{
    public const string Section = "Content";

    /// <summary>The content folder; relative paths are taken from the app's folder.</summary>
    [Required]
    public string RootPath { get; set; } = "content";

    /// <summary>More flow folders, for tests and benchmarks that bring flows of their own.</summary>
    public List<string> ExtraFlowDirectories { get; set; } = [];

    [Range(100, 20000)]
    public int MaxMessageLength { get; set; } = 4000;
}
