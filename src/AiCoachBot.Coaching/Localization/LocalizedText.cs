namespace AiCoachBot.Coaching.Localization;

/// <summary>A text written in every supported language.</summary>
public sealed record LocalizedText(string En, string Fr)
{
    public string this[Language language] => language == Language.Fr ? Fr : En;
}

public sealed record LocalizedList(IReadOnlyList<string> En, IReadOnlyList<string> Fr)
{
    public static LocalizedList Empty { get; } = new([], []);

    public IEnumerable<string> All => En.Concat(Fr);
}
