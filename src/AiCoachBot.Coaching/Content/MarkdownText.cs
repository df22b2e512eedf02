using System.Text;

namespace AiCoachBot.Coaching.Content;

public static class MarkdownText
{
    /// <summary>The user's text inside Markdown: shown literally, never as formatting, a link or HTML.</summary>
    public static string Literal(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            // ':' too, so that "https://…" is not turned into a link by GitHub-style autolinks.
            if (c is '\\' or '`' or '*' or '_' or '~' or '[' or ']' or '(' or ')' or '#' or '<' or '>' or '!' or '|' or '{' or '}' or ':') escaped.Append('\\');
            escaped.Append(c is '\r' or '\n' ? ' ' : c);
        }
        return escaped.Replace("www.", "www\\.").ToString();
    }
}
