using System.Net;

namespace AiCoachBot.Protocol.Hosting;

/// <summary>What "this machine" means for a bot running without credentials.</summary>
public static class LocalOnly
{
    public static bool IsLoopbackHost(string host)
    {
        var name = host.Trim('[', ']');
        return name.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(name, out var ip) && IPAddress.IsLoopback(ip));
    }

    public static bool IsLoopbackUrl(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) && IsLoopbackHost(uri.Host);

    /// <summary>TestServer gives no remote address; Kestrel always does.</summary>
    public static bool IsLoopbackCaller(IPAddress? address) => address is null || IPAddress.IsLoopback(address);
}
