using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace AiCoachBot.E2E.Tests.Support;

/// <summary>
/// The whole real chain, started once per test class: the bot process, the Microsoft 365 Agents Playground
/// (Microsoft's local Teams client and Bot Connector) and headless Debian Chromium driven by Playwright.
/// Everything binds to 127.0.0.1 on free ports, with its data, logs and browser profile in a fresh temp folder.
/// </summary>
public sealed partial class PlaygroundFixture : IAsyncLifetime
{
    public static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(15);
    // Start-up bounds are generous: CI starts every test project at once on two cores.
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    // Variables that would make the bot expect Bot Framework tokens, which the offline Playground cannot send.
    private static readonly string[] CredentialVariables = ["MicrosoftAppId", "MicrosoftAppPassword", "MicrosoftAppTenantId", "MicrosoftAppType"];

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly string _workDirectory = Directory.CreateTempSubdirectory("aicoachbot-e2e-").FullName;
    private ChildProcess? _bot;
    private ChildProcess? _playground;
    private IPlaywright? _playwright;
    private IBrowserContext? _browser;

    public string PlaygroundUrl { get; private set; } = "";

    /// <summary>The Playground's own log (every activity it sent and received).</summary>
    public string PlaygroundLogPath => Path.Combine(_workDirectory, "playground.log");

    public async Task InitializeAsync()
    {
        var layout = RepositoryLayout.Find();
        layout.EnsureComplete();

        (_bot, var botPort) = await StartOnAFreePortAsync(
            port => StartBot(layout, port), port => $"http://127.0.0.1:{port}/healthz", StartTimeout);
        (_playground, var playgroundPort) = await StartOnAFreePortAsync(
            port => StartPlayground(layout, botPort, port), port => $"http://127.0.0.1:{port}/_debug/ping", StartTimeout, PlaygroundLogPath);
        PlaygroundUrl = $"http://127.0.0.1:{playgroundPort}";

        _playwright = await Playwright.CreateAsync();
        _browser = await LaunchChromiumAsync(_playwright);
    }

    /// <summary>
    /// A port found free can be taken by another test process before the server binds it (the host tests open
    /// many loopback servers in parallel). A server that exits at start is tried again on another port.
    /// </summary>
    private async Task<(ChildProcess Process, int Port)> StartOnAFreePortAsync(
        Func<int, ChildProcess> start, Func<int, string> readinessUrl, TimeSpan timeout, params string[] extraLogs)
    {
        const int attempts = 3;
        for (var attempt = 1; ; attempt++)
        {
            var port = LoopbackPorts.PickFree();
            var process = start(port);
            try
            {
                await Readiness.WaitForOkAsync(_http, readinessUrl(port), process, timeout, extraLogs);
                return (process, port);
            }
            catch (Exception) when (attempt < attempts && process.HasExited)
            {
                await process.DisposeAsync();
            }
        }
    }

    private ChildProcess StartBot(RepositoryLayout layout, int port)
    {
        var environment = CredentialVariables.ToDictionary(name => name, _ => (string?)null);
        environment["Storage__DataDirectory"] = Path.Combine(_workDirectory, "data");
        environment["Content__ExtraFlowDirectories__0"] = layout.TestFlows;

        // The bot reads its settings and content from beside its DLL, wherever it is started from.
        return ChildProcess.Start(
            "the bot", DotnetHost(), [layout.BotDll, "--urls", $"http://127.0.0.1:{port}"],
            Path.GetDirectoryName(layout.BotDll)!, environment, Path.Combine(_workDirectory, "bot.log"));
    }

    private ChildProcess StartPlayground(RepositoryLayout layout, int botPort, int port)
    {
        var environment = new Dictionary<string, string?>
        {
            ["TEAMSAPPTESTER_BROWSER"] = "none",
            ["M365_AGENTS_PLAYGROUND_LOGFILE"] = PlaygroundLogPath,
            ["NODE_OPTIONS"] = $"--require={layout.PlaygroundPreload}",
        };
        string[] arguments =
        [
            layout.PlaygroundCli,
            "-e", $"http://127.0.0.1:{botPort}/api/messages", "-c", "msteams",
            "--port", port.ToString(), "--service-url", $"http://127.0.0.1:{port}/_connector", "--disable-telemetry",
        ];
        return ChildProcess.Start(
            "the Agents Playground", "node", arguments, layout.Root, environment, Path.Combine(_workDirectory, "playground.console.log"));
    }

    private async Task<IBrowserContext> LaunchChromiumAsync(IPlaywright playwright)
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"{ChromiumPath} is missing. install it: sudo apt-get install -y chromium");

        // A fresh profile per run: launchPersistentContext is how Playwright takes a user-data-dir.
        var context = await playwright.Chromium.LaunchPersistentContextAsync(
            Path.Combine(_workDirectory, "chromium-profile"),
            new BrowserTypeLaunchPersistentContextOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args = ChromiumArgs,
                Timeout = (float)StartTimeout.TotalMilliseconds,
            });
        context.SetDefaultTimeout((float)StepTimeout.TotalMilliseconds);
        // The page asks an Office CDN for fonts and scripts; nothing may leave the machine.
        await context.RouteAsync(NotLoopback(), route => route.AbortAsync());
        return context;
    }

    public Task<IPage> NewPageAsync() => _browser!.NewPageAsync();

    /// <summary>What a failing test prints so that CI shows why: the tails of every log.</summary>
    public string LogTails() => string.Join('\n',
        _bot?.Tail(60) ?? "(the bot was not started)",
        _playground?.Tail(20) ?? "(the Playground was not started)",
        LogFiles.Tail(PlaygroundLogPath, 60));

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (_playground is not null) await _playground.DisposeAsync();
        if (_bot is not null) await _bot.DisposeAsync();
        _http.Dispose();
        try
        {
            Directory.Delete(_workDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A process that outlived its kill may still hold a file; the OS cleans temp folders.
        }
    }

    // The dotnet that runs these tests runs the bot too.
    private static string DotnetHost() => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path ? path : "dotnet";

    [GeneratedRegex(@"^https?://(?!127\.0\.0\.1[:/]|localhost[:/])")]
    private static partial Regex NotLoopback();
}
