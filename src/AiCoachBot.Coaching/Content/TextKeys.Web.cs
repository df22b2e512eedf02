namespace AiCoachBot.Coaching.Content;

public static partial class TextKeys
{
    /// <summary>The public web pages the Teams manifest links to (about, privacy, terms of use).</summary>
    public static readonly string[] WebKeys =
    [
        "web.about.teams",
        "web.links.privacy",
        "web.links.terms",
        "terms.title",
        "terms.purpose",
        "terms.model",
        "terms.legal",
        "terms.operator",
    ];
}
