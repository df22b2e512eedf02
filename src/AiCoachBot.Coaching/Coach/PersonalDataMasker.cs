using System.Text.RegularExpressions;
using AiCoachBot.Coaching.Commands;

namespace AiCoachBot.Coaching.Coach;

/// <summary>
/// Replaces personal data with neutral placeholders before any text leaves for a language model:
/// e-mail addresses, IBANs, card-like and phone numbers, and the names of the people the bot knows in
/// the conversation. Masking errs on the side of hiding: a date or an amount is left, a long digit run is not.
/// </summary>
public static partial class PersonalDataMasker
{
    public const string EmailMask = "[email]";
    public const string IbanMask = "[iban]";
    public const string CardMask = "[card number]";
    public const string PhoneMask = "[phone]";
    public const string NameMask = "[person]";

    public static string Mask(string text, IEnumerable<string> knownNames)
    {
        var masked = Email().Replace(text, EmailMask);
        masked = Iban().Replace(masked, IbanMask);
        masked = CardNumber().Replace(masked, m => DigitCount(m.Value) is >= 13 and <= 19 ? CardMask : m.Value);
        masked = Phone().Replace(masked, m => DigitCount(m.Value) is >= 8 and <= 15 && !DateLike().IsMatch(m.Value) ? PhoneMask : m.Value);
        foreach (var name in NameParts(knownNames).OrderByDescending(n => n.Length))
            masked = Regex.Replace(masked, $@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(name)}(?![\p{{L}}\p{{N}}])", NameMask, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        return masked;
    }

    /// <summary>A whole display name and each of its parts ("Marie Dupont-Durand" → also "Marie", "Dupont-Durand", "Dupont", "Durand").</summary>
    public static IEnumerable<string> NameParts(IEnumerable<string> names)
    {
        var parts = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in names.Select(n => TextNormalizer.Clean(n)).Where(n => n.Length > 0))
        {
            parts.Add(name);
            foreach (var word in name.Split([' ', ',', '(', ')'], StringSplitOptions.RemoveEmptyEntries))
            {
                AddPart(parts, word);
                foreach (var piece in word.Split('-', StringSplitOptions.RemoveEmptyEntries)) AddPart(parts, piece);
            }
        }
        return parts;
    }

    // A part that is also a common word ("Le", "De", "Van") would mask that word everywhere; initials and titles say nothing about a person.
    private static void AddPart(HashSet<string> parts, string word)
    {
        var trimmed = word.Trim('.', '\'', '"');
        if (trimmed.Length >= 2 && trimmed.Any(char.IsLetter) && !Titles.Contains(trimmed) && !Search.SearchTerms.IsStopWord(TextNormalizer.Fold(trimmed))
            && !CommonParticles.Contains(trimmed))
            parts.Add(trimmed);
    }

    private static readonly HashSet<string> CommonParticles = new(StringComparer.OrdinalIgnoreCase) { "van", "von", "der", "den", "del", "della", "da", "di", "dos", "das", "bin", "ben", "al", "el" };

    private static readonly HashSet<string> Titles = new(StringComparer.OrdinalIgnoreCase) { "Mr", "Mrs", "Ms", "Dr", "Mme", "Mlle", "Prof", "Jr", "Sr", "The" };

    private static int DigitCount(string value) => value.Count(char.IsDigit);

    [GeneratedRegex(@"^\s*(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./\-]\d{1,2}[./\-]\d{2,4})\s*$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex DateLike();

    [GeneratedRegex(@"[\p{L}\p{N}._%+\-]+@[\p{L}\p{N}.\-]+\.[\p{L}]{2,}", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Email();

    [GeneratedRegex(@"\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,3})?\b", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Iban();

    [GeneratedRegex(@"(?<!\d)\d(?:[ \-]?\d){12,18}(?!\d)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex CardNumber();

    [GeneratedRegex(@"(?<![\w+])(?:(?:\+|00)\d{1,3}[ .\-]?)?\(?\d{1,4}\)?(?:[ .\-]?\d{2,4}){2,5}(?!\w)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Phone();
}
