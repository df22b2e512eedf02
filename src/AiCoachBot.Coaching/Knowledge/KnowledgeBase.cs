using System.Security.Cryptography;
using System.Text;

namespace AiCoachBot.Coaching.Knowledge;

/// <summary>
/// The articles the coach answers from. <see cref="Version"/> changes whenever any article changes, so
/// answers cached for an older text are not served again.
/// </summary>
public sealed class KnowledgeBase
{
    public const string Folder = "knowledge/articles";

    private readonly Dictionary<string, Article> _byId;

    public KnowledgeBase(IReadOnlyList<Article> articles, string version)
    {
        Articles = articles;
        Version = version;
        _byId = articles.ToDictionary(a => a.Id, StringComparer.Ordinal);
    }

    public IReadOnlyList<Article> Articles { get; }

    public string Version { get; }

    public Article? Find(string? id) => id is not null && _byId.TryGetValue(id, out var article) ? article : null;

    /// <summary>A passage by its id ("data-audit#2"), in a language; null when the article or section does not exist.</summary>
    public Passage? FindPassage(string id, Localization.Language language)
    {
        var hash = id.LastIndexOf('#');
        if (hash <= 0 || !int.TryParse(id[(hash + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number)) return null;
        return Find(id[..hash]) is { } article && number >= 1 && number <= article.Sections.Count ? article.Passage(number - 1, language) : null;
    }

    /// <summary>A short fingerprint of the files' bytes, in file-name order.</summary>
    public static string VersionOf(IEnumerable<(string Name, byte[] Bytes)> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (name, bytes) in files.OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(name));
            hash.AppendData(bytes);
        }
        return Convert.ToHexString(hash.GetHashAndReset())[..12].ToLowerInvariant();
    }
}
