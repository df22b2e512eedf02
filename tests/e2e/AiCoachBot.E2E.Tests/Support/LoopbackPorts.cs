using System.Net;
using System.Net.Sockets;

namespace AiCoachBot.E2E.Tests.Support;

public static class LoopbackPorts
{
    /// <summary>A port free on 127.0.0.1 right now. Another process may still take it first; the preload then fails loudly.</summary>
    public static int PickFree()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
