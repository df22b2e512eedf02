using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Conversation;
using AiCoachBot.Coaching.State;
using AiCoachBot.Host.Bot;
using AiCoachBot.Infrastructure.Storage;
using AiCoachBot.Protocol;
using Microsoft.Extensions.Options;

namespace AiCoachBot.Host.Hosting;

internal static class CoachingRegistration
{
    /// <summary>Protocol, coaching and embedded storage, each configured from its own section.</summary>
    public static WebApplicationBuilder AddAiCoachBot(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddBotFrameworkProtocol<CoachingBot>(builder.Configuration);

        services.AddOptions<ContentOptions>().BindConfiguration(ContentOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<ContentOptions>>().Value;
            return CoachingContent.Load(FromAppFolder(options.RootPath), options.ExtraFlowDirectories.Select(FromAppFolder));
        });
        services.AddSingleton<CoachingService>();
        services.AddOptions<ExportOptions>().BindConfiguration(ExportOptions.Section);
        services.AddSingleton<ExportDelivery>();

        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            var folder = FromAppFolder(options.DataDirectory);
            Directory.CreateDirectory(folder);
            return new SqliteDocumentStore(Path.Combine(folder, options.DatabaseFileName), sp.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton<IDocumentStore>(sp => sp.GetRequiredService<SqliteDocumentStore>());
        return builder;
    }

    /// <summary>Loads content and opens storage before the first request, so a bad file or folder stops the start.</summary>
    public static async Task PrepareAsync(this WebApplication app, CancellationToken cancellationToken)
    {
        app.Services.GetRequiredService<CoachingContent>();
        await app.Services.GetRequiredService<SqliteDocumentStore>().InitializeAsync(cancellationToken);
    }

    private static string FromAppFolder(string path) => Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, path));
}
