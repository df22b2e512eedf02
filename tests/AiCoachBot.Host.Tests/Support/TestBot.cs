using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Localization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AiCoachBot.Host.Tests.Support;

/// <summary>
/// The real host, as <c>Program</c> builds it, on a TestServer: its own data folder, the test flows, a fast
/// connector retry policy and local mode unless a test passes credentials.
/// </summary>
public sealed class TestBot : WebApplicationFactory<Program>
{
    public static readonly string TestFlowsFolder = Path.Combine(AppContext.BaseDirectory, "flows");

    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;
    private HttpClient? _http;

    public TestBot(string dataDirectory, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        _settings = new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = dataDirectory,
            ["Content:ExtraFlowDirectories:0"] = TestFlowsFolder,
            ["Connector:Resilience:BaseDelay"] = "00:00:00.010",
            ["Connector:Resilience:AttemptTimeout"] = "00:00:02",
            // Replies of a test turn arrive well within this, so no "typing" activity mixes with them.
            ["BotEndpoint:TypingDelay"] = "00:00:10",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) _settings[key] = value;
        _services = services;
    }

    public CapturedLogs Logs { get; } = new();

    public HttpClient Http => _http ??= CreateClient();

    public StringCatalog Strings => Services.GetRequiredService<CoachingContent>().Strings;

    public string En(string key, params (string Name, string Value)[] args) => Text(Language.En, key, args);

    public string Fr(string key, params (string Name, string Value)[] args) => Text(Language.Fr, key, args);

    public Task<HttpResponseMessage> PostAsync(JsonNode activity) => PostRawAsync(activity.ToJsonString());

    public Task<HttpResponseMessage> PostRawAsync(string body, string contentType = "application/json")
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return Http.PostAsync("/api/messages", content);
    }

    public Task<HttpResponseMessage> PostBytesAsync(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return Http.PostAsync("/api/messages", content);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(_settings));
        builder.ConfigureLogging(logging =>
        {
            logging.ClearProviders();
            logging.AddProvider(Logs);
        });
        if (_services is not null) builder.ConfigureTestServices(_services);
    }

    public string Text(Language language, string key, params (string Name, string Value)[] args) =>
        args.Length == 0 ? Strings.Get(language, key) : Strings.Format(language, key, args.ToDictionary(a => a.Name, a => a.Value));

    public override async ValueTask DisposeAsync()
    {
        _http?.Dispose();
        await base.DisposeAsync();
    }
}
