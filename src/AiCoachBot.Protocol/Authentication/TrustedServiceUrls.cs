using System.Collections.Concurrent;

namespace AiCoachBot.Protocol.Authentication;

/// <summary>
/// Service URLs that arrived inside an authenticated activity. Outbound tokens go only there, so a
/// serviceUrl written by an attacker never receives the bot's token.
/// </summary>
public sealed class TrustedServiceUrls
{
    private readonly ConcurrentDictionary<string, byte> _bases = new(StringComparer.OrdinalIgnoreCase);

    public void Trust(string serviceUrl)
    {
        if (Normalize(serviceUrl) is { } key) _bases.TryAdd(key, 0);
    }

    public bool IsTrusted(Uri requestUri)
    {
        var target = requestUri.GetLeftPart(UriPartial.Path);
        foreach (var trusted in _bases.Keys)
        {
            if (target.StartsWith(trusted, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    /// <summary>scheme://host:port/path/ with a trailing slash, so "…/amer" never matches "…/amer.evil".</summary>
    internal static string? Normalize(string serviceUrl)
    {
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)) return null;
        var path = uri.AbsolutePath.EndsWith('/') ? uri.AbsolutePath : uri.AbsolutePath + "/";
        return $"{uri.Scheme}://{uri.Authority}{path}";
    }
}
