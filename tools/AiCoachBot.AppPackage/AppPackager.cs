using System.IO.Compression;
using System.Text.RegularExpressions;

namespace AiCoachBot.AppPackage;

/// <summary>
/// Builds the Teams app package from manifest/: the manifest with the bot's id and domain filled in (the
/// Agents Toolkit's <c>${{BOT_ID}}</c>, <c>${{TEAMS_APP_ID}}</c>, <c>${{BOT_DOMAIN}}</c>), its French localisation and the
/// two icons, zipped flat as Teams expects.
/// </summary>
public static partial class AppPackager
{
    public static readonly string[] Files = ["manifest.json", "fr.json", "color.png", "outline.png"];

    /// <summary>The manifest with its placeholders filled; an exception names what is wrong with the values given.</summary>
    public static string Fill(string manifest, string botId, string domain, string? teamsAppId = null)
    {
        if (!Guid.TryParse(botId, out _)) throw new ArgumentException($"The bot id must be the Azure Bot's app id, a GUID; got '{botId}'.");
        teamsAppId ??= botId;
        if (!Guid.TryParse(teamsAppId, out _)) throw new ArgumentException($"The Teams app id must be a GUID; got '{teamsAppId}'.");
        if (!Domain().IsMatch(domain)) throw new ArgumentException($"The domain must be a host name such as aicoachbot.azurewebsites.net, without https:// or a path; got '{domain}'.");
        var filled = manifest.Replace("${{BOT_ID}}", botId, StringComparison.Ordinal)
            .Replace("${{TEAMS_APP_ID}}", teamsAppId, StringComparison.Ordinal)
            .Replace("${{BOT_DOMAIN}}", domain, StringComparison.Ordinal);
        if (Placeholder().Match(filled) is { Success: true } left) throw new InvalidDataException($"manifest.json still holds {left.Value}: nothing fills it.");
        return filled;
    }

    /// <summary>Writes the zip; returns its path.</summary>
    public static string Package(string manifestFolder, string output, string botId, string domain, string? teamsAppId = null)
    {
        var manifest = Fill(File.ReadAllText(Path.Combine(manifestFolder, "manifest.json")), botId, domain, teamsAppId);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        if (File.Exists(output)) File.Delete(output);
        using var zip = ZipFile.Open(output, ZipArchiveMode.Create);
        foreach (var name in Files)
        {
            var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
            using var stream = entry.Open();
            if (name == "manifest.json") stream.Write(System.Text.Encoding.UTF8.GetBytes(manifest));
            else stream.Write(File.ReadAllBytes(Path.Combine(manifestFolder, name)));
        }
        return output;
    }

    [GeneratedRegex(@"^(?=.{1,253}$)([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]{2,63}$")]
    private static partial Regex Domain();

    [GeneratedRegex(@"\$\{\{[A-Z_]+\}\}")]
    private static partial Regex Placeholder();
}
