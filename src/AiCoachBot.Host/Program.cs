using AiCoachBot.Host.Hosting;
using AiCoachBot.Protocol;

// Settings and content sit beside the app, wherever it is started from (a test host passes its own root).
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    ContentRootPath = args.Any(a => a.Contains("contentRoot", StringComparison.OrdinalIgnoreCase)) ? null : AppContext.BaseDirectory,
});
builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.AddServerHeader = false;
    kestrel.Limits.MaxRequestBodySize = 4 * 1024 * 1024;
});
builder.AddAiCoachBot();

var app = builder.Build();
app.MapBotMessages();
app.MapMethods("/api/messages", ["HEAD"], () => Results.Ok());
app.MapHealth();
app.MapPublicPages();

try
{
    await app.PrepareAsync(app.Lifetime.ApplicationStopping);
    await app.RunAsync();
    return Environment.ExitCode;
}
catch (Exception ex) when (StartupFailure.Explain(ex, builder.Configuration) is { } explanation)
{
    await Console.Error.WriteLineAsync($"AiCoachBot could not start.\n{explanation}");
    return 2;
}

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
