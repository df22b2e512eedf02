using System.Text.RegularExpressions;
using AiCoachBot.Coaching.Commands;
using AiCoachBot.Coaching.Knowledge;

namespace AiCoachBot.Coaching.Coach;

/// <summary>
/// What a model's reply must satisfy before a user sees it: not empty, not a recital of its instructions,
/// citations only of passages it was given (by number, or by passage id turned into its number), and no
/// longer than a chat answer should be. Links and markup are taken out: the knowledge base holds none, so a link
/// in a reply was invented (or planted by an injected text), and Teams would make it clickable.
/// A reply that fails is replaced by the offline answer.
/// </summary>
public static partial class ModelAnswerCheck
{
    public const int MaxLength = 2500;
    private const int LeakWindow = 7;

    public sealed record Checked(string Text, IReadOnlyList<Citation> Citations);

    public static Checked? Check(string? reply, IReadOnlyList<Passage> passages, string instructions)
    {
        var text = reply?.Trim() ?? "";
        if (text.Length == 0 || RecitesInstructions(text, instructions)) return null;
        text = MarkdownLink().Replace(text, "$1");
        text = BareLink().Replace(text, "");
        text = Markup().Replace(text, "").Trim();
        if (text.Length == 0) return null;
        text = ById().Replace(text, m =>
        {
            var index = passages.ToList().FindIndex(p => p.Id == m.Groups[1].Value);
            return index < 0 ? "" : $"[{index + 1}]";
        });
        var cited = new SortedSet<int>();
        text = ByNumber().Replace(text, m =>
        {
            var n = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (n < 1 || n > passages.Count) return "";
            cited.Add(n);
            return m.Value;
        });
        if (text.Length > MaxLength) text = Shorten(text);
        return new Checked(text.Trim(), cited.Select(n => new Citation(n, passages[n - 1])).ToList());
    }

    /// <summary>True when the reply repeats a run of <see cref="LeakWindow"/> words of the instructions.</summary>
    public static bool RecitesInstructions(string reply, string instructions)
    {
        var said = " " + string.Join(' ', Words(reply)) + " ";
        var words = Words(instructions).ToList();
        for (var i = 0; i + LeakWindow <= words.Count; i++)
        {
            if (said.Contains(" " + string.Join(' ', words.Skip(i).Take(LeakWindow)) + " ", StringComparison.Ordinal)) return true;
        }
        return false;
    }

    private static IEnumerable<string> Words(string text) =>
        Word().Matches(TextNormalizer.Fold(text)).Select(m => m.Value);

    private static string Shorten(string text)
    {
        var cut = text[..MaxLength];
        var end = Math.Max(cut.LastIndexOf(". ", StringComparison.Ordinal), cut.LastIndexOf('\n'));
        return (end > MaxLength / 2 ? cut[..(end + 1)] : cut).TrimEnd() + " …";
    }

    [GeneratedRegex(@"\[([a-z0-9\-]+#\d+)\]")]
    private static partial Regex ById();

    [GeneratedRegex(@"\[(\d{1,3})\]")]
    private static partial Regex ByNumber();

    [GeneratedRegex(@"!?\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"(?:https?|ftp|file|mailto|javascript|data):[^\s)\]]*|www\.[^\s)\]]+", RegexOptions.IgnoreCase)]
    private static partial Regex BareLink();

    [GeneratedRegex(@"<[^>]{0,512}>")]
    private static partial Regex Markup();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}
