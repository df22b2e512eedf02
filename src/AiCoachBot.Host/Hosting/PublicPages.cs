using System.Text;
using System.Text.RegularExpressions;
using AiCoachBot.Coaching.Coach;
using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Localization;

namespace AiCoachBot.Host.Hosting;

/// <summary>
/// The pages the Teams manifest links to: about (the developer's website), privacy and terms of use, in English or
/// French (Accept-Language, or <c>?lang=fr</c>), built from the content strings so that they say what the bot says.
/// </summary>
internal static partial class PublicPages
{
    public static void MapPublicPages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/", (HttpRequest request, CoachingContent content) => Page(content, LanguageOf(request), "AiCoachBot",
            [Paragraph(content.Strings.Get(LanguageOf(request), "welcome.intro")), Paragraph(content.Strings.Get(LanguageOf(request), "web.about.teams"))]));
        endpoints.MapGet("/privacy", (HttpRequest request, CoachingContent content, ConfiguredChatModel model, StorageDescription storage) =>
        {
            var language = LanguageOf(request);
            var s = content.Strings;
            var sections = new List<string>();
            foreach (var part in new[] { "stored", "notStored", "sent", "erase" })
            {
                sections.Add(Heading(s.Get(language, $"privacy.{part}.heading")));
                sections.Add(Paragraph(s.Format(language, $"privacy.{part}", new Dictionary<string, string>
                {
                    ["storage"] = s.Get(language, storage.TextKey),
                    ["model"] = s.Get(language, model.Model is null ? TextKeys.PrivacyModelNone : TextKeys.PrivacyModelConfigured),
                    ["days"] = storage.Days,
                })));
            }
            return Page(content, language, s.Get(language, "privacy.title"), sections);
        });
        endpoints.MapGet("/terms", (HttpRequest request, CoachingContent content) =>
        {
            var language = LanguageOf(request);
            return Page(content, language, content.Strings.Get(language, "terms.title"),
                [.. new[] { "purpose", "model", "legal", "operator" }.Select(part => Paragraph(content.Strings.Get(language, $"terms.{part}")))]);
        });
    }

    private static Language LanguageOf(HttpRequest request) =>
        request.Query["lang"].ToString() is { Length: > 0 } asked ? Languages.FromLocale(asked)
            : Languages.FromLocale(request.Headers.AcceptLanguage.ToString().Split(',')[0].Trim());

    private static IResult Page(CoachingContent content, Language language, string title, IReadOnlyList<string> body)
    {
        var s = content.Strings;
        var html = new StringBuilder()
            .Append("<!doctype html><html lang=\"").Append(language.Code()).Append("\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>").Append(Escape(title)).Append("</title>")
            .Append("<style>body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1b1b1b}h1{color:#0e7490}</style></head><body>")
            .Append("<h1>").Append(Escape(title)).Append("</h1>");
        foreach (var part in body) html.Append(part);
        html.Append("<p><a href=\"/privacy?lang=").Append(language.Code()).Append("\">").Append(Escape(s.Get(language, "web.links.privacy"))).Append("</a> · ")
            .Append("<a href=\"/terms?lang=").Append(language.Code()).Append("\">").Append(Escape(s.Get(language, "web.links.terms"))).Append("</a></p></body></html>");
        return Results.Content(html.ToString(), "text/html; charset=utf-8");
    }

    private static string Heading(string text) => "<h2>" + Inline(text) + "</h2>";

    private static string Paragraph(string text) => "<p>" + Inline(text) + "</p>";

    /// <summary>The strings' markdown is **bold** and _italic_ at most; everything else is escaped.</summary>
    private static string Inline(string markdown) =>
        Italic().Replace(Bold().Replace(Escape(markdown), "<strong>$1</strong>"), "<em>$1</em>");

    /// <summary>HTML's five special characters; the page is UTF-8, so accented letters stay as they are.</summary>
    private static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal)
            .Replace("\"", "&quot;", StringComparison.Ordinal).Replace("'", "&#39;", StringComparison.Ordinal);

    [GeneratedRegex(@"\*\*(.+?)\*\*")]
    private static partial Regex Bold();

    [GeneratedRegex(@"(?<![\w])_(.+?)_(?![\w])")]
    private static partial Regex Italic();
}
