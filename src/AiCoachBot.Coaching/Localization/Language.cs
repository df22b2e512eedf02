namespace AiCoachBot.Coaching.Localization;

public enum Language { En, Fr }

public static class Languages
{
    public static IReadOnlyList<Language> All { get; } = [Language.En, Language.Fr];

    /// <summary>French for any fr-* locale, English otherwise.</summary>
    public static Language FromLocale(string? locale) =>
        locale is not null && locale.Trim().StartsWith("fr", StringComparison.OrdinalIgnoreCase) ? Language.Fr : Language.En;

    public static string Code(this Language language) => language == Language.Fr ? "fr" : "en";

    /// <summary>How the bot writes dates and numbers in a language (British English: day before month).</summary>
    public static System.Globalization.CultureInfo Culture(this Language language) =>
        System.Globalization.CultureInfo.GetCultureInfo(language == Language.Fr ? "fr-FR" : "en-GB");

    /// <summary>A day as cards and messages show it: "3 Mar 2027", « 3 mars 2027 ».</summary>
    public static string Date(this Language language, DateTimeOffset at) => at.ToString("d MMM yyyy", language.Culture());

    public static string Date(this Language language, DateOnly day) => day.ToString("d MMM yyyy", language.Culture());

    /// <summary>A measured value as people read it: "11.5", « 11,5 », at most two decimals.</summary>
    public static string Number(this Language language, decimal value) => value.ToString("0.##", language.Culture());
}
