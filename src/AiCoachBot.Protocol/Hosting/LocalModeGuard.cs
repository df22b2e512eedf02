using System.Net;
using AiCoachBot.Protocol.Authentication;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AiCoachBot.Protocol.Hosting;

/// <summary>Without credentials the bot is unauthenticated: it must not be reachable from anything but this machine.</summary>
public sealed class LocalModeGuard(
    IOptions<BotCredentialsOptions> credentials, IServer server, IHostApplicationLifetime lifetime, ILogger<LocalModeGuard> logger) : IHostedLifecycleService
{
    public Task StartedAsync(CancellationToken cancellationToken)
    {
        if (!credentials.Value.IsLocalMode) return Task.CompletedTask;
        ProtocolLog.LocalMode(logger);
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var address in addresses.Where(a => !IsLoopback(a)))
        {
            ProtocolLog.LocalModeExposed(logger, address);
            Environment.ExitCode = 3;
            lifetime.StopApplication();
            break;
        }
        return Task.CompletedTask;
    }

    /// <summary>A server address; the wildcards '+' and '*' mean every interface.</summary>
    internal static bool IsLoopback(string address) =>
        LocalOnly.IsLoopbackUrl(address.Replace("://+", "://0.0.0.0").Replace("://*", "://0.0.0.0"));

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
