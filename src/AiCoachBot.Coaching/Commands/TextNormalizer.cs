using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace AiCoachBot.Coaching.Commands;

/// <summary>Turns what Teams delivers (mentions, HTML, odd spaces) into text we can read.</summary>
public static partial class TextNormalizer
{
    /// <summary>The user's words: mentions of the bot and markup removed, entities decoded, spaces collapsed.</summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var withoutMentions = text.Contains("<at", StringComparison.OrdinalIgnoreCase) ? Mention().Replace(text, " ") : text;
        var withoutTags = withoutMentions.Contains('<') ? Tag().Replace(withoutMentions, " ") : withoutMentions;
        var decoded = withoutTags.Contains('&') ? WebUtility.HtmlDecode(withoutTags) : withoutTags;
        var builder = new StringBuilder(decoded.Length);
        var space = false;
        foreach (var c in decoded)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c)) { space = builder.Length > 0; continue; }
            if (space) { builder.Append(' '); space = false; }
            builder.Append(c);
        }
        return builder.ToString();
    }

    /// <summary>A key to compare commands by: lower case, accents folded, closing punctuation dropped.</summary>
    public static string Fold(string text)
    {
        var cleaned = Clean(text).Replace('’', '\'').ToLowerInvariant();
        var trimmed = cleaned.TrimEnd('.', '!', '?', ';', ':', ' ', '…');
        if (trimmed.Length == 0) trimmed = cleaned;
        var decomposed = trimmed.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) folded.Append(c);
        }
        return folded.ToString().Normalize(NormalizationForm.FormC);
    }

    [GeneratedRegex(@"<at\b[^>]{0,512}>[^<]{0,512}</at>", RegexOptions.IgnoreCase)]
    private static partial Regex Mention();

    [GeneratedRegex(@"<[^>]{0,512}>")]
    private static partial Regex Tag();
}
