using System.Text;
using AiCoachBot.Coaching.Commands;

namespace AiCoachBot.Coaching.Conversation;

public static class ExportFileName
{
    /// <summary>A file name part every system accepts: letters and digits of the project name, accents folded.</summary>
    public static string Part(string name)
    {
        var folded = TextNormalizer.Fold(name);
        var builder = new StringBuilder();
        foreach (var c in folded)
        {
            if (char.IsAsciiLetterOrDigit(c)) builder.Append(c);
            else if (builder.Length > 0 && builder[^1] != '-') builder.Append('-');
        }
        var part = builder.ToString().Trim('-');
        return part.Length == 0 ? "project" : part[..Math.Min(part.Length, 50)];
    }
}
