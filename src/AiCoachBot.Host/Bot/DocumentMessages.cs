using System.Text;
using AiCoachBot.Coaching.Conversation;
using AiCoachBot.Protocol.Schema;

namespace AiCoachBot.Host.Bot;

/// <summary>A document shown in the chat itself, where no file can be sent: Markdown messages under Teams' size limit.</summary>
internal static class DocumentMessages
{
    /// <summary>Teams refuses messages over about 28 KB, envelope included: keep well under it.</summary>
    public const int MaxChars = 12_000;

    public static IEnumerable<Activity> For(ExportDocument document, string? intro = null)
    {
        yield return Markdown(intro ?? document.Intro);
        // A data file (JSON, CSV) shown in the chat: each part in a code block of its own, so that Markdown leaves it as it is.
        var extension = Path.GetExtension(document.FileName).TrimStart('.').ToLowerInvariant();
        foreach (var part in Split(document.Markdown)) yield return Markdown(extension is "md" ? part : $"```{extension}\n{part}```");
    }

    /// <summary>Cut between lines, never inside one (a line longer than a part is cut where it must).</summary>
    public static IEnumerable<string> Split(string markdown)
    {
        var part = new StringBuilder();
        foreach (var raw in markdown.Split('\n'))
        {
            var line = raw;
            while (line.Length > MaxChars)
            {
                if (part.Length > 0) { yield return part.ToString(); part.Clear(); }
                yield return line[..MaxChars];
                line = line[MaxChars..];
            }
            if (part.Length + line.Length + 1 > MaxChars) { yield return part.ToString(); part.Clear(); }
            part.Append(line).Append('\n');
        }
        if (part.ToString().Trim().Length > 0) yield return part.ToString();
    }

    private static Activity Markdown(string text) => Activity.Message(text) with { TextFormat = "markdown" };
}
