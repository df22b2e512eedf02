namespace AiCoachBot.Host.Bot;

/// <summary>How exported documents reach the user.</summary>
public sealed class ExportOptions
{
    public const string Section = "Export";

    /// <summary>
    /// In personal chats, offer the document as a file (Teams asks the user, then the bot uploads it to
    /// their OneDrive). Off: always post it as messages. The Agents Playground cannot take files: the
    /// local run turns this off.
    /// </summary>
    public bool SendAsFile { get; set; } = true;
}
