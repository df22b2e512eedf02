using AiCoachBot.Protocol.Hosting;

namespace AiCoachBot.Protocol.Files;

/// <summary>
/// The upload URL arrives in an invoke, so it is treated as hostile: https to an allowed host only, or, in
/// unauthenticated local mode, a loopback URL (the same rule as for local service URLs).
/// </summary>
public static class UploadUrlPolicy
{
    public static string? Problem(Uri url, IReadOnlyList<string> allowedHostSuffixes, bool localMode)
    {
        if (!url.IsAbsoluteUri) return "The upload URL is not absolute.";
        if (url.UserInfo.Length > 0) return "The upload URL must not carry user information.";
        if (localMode && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps) && LocalOnly.IsLoopbackHost(url.Host)) return null;
        if (url.Scheme != Uri.UriSchemeHttps) return "The upload URL must use https.";
        if (url.HostNameType != UriHostNameType.Dns || !IsAllowedHost(url.IdnHost, allowedHostSuffixes))
            return $"The upload host '{url.Host}' is not an allowed upload host.";
        return null;
    }

    /// <summary>The host itself or a subdomain: 'contoso.sharepoint.com' matches 'sharepoint.com', 'evilsharepoint.com' does not.</summary>
    internal static bool IsAllowedHost(string host, IReadOnlyList<string> allowedHostSuffixes)
    {
        var name = host.TrimEnd('.');
        return allowedHostSuffixes.Any(suffix =>
            name.Equals(suffix, StringComparison.OrdinalIgnoreCase) || name.EndsWith("." + suffix, StringComparison.OrdinalIgnoreCase));
    }
}
