using AiCoachBot.Coaching.Coach;
using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Conversation;
using AiCoachBot.Coaching.State;
using AiCoachBot.Coaching.Nudges;
using AiCoachBot.Coaching.Retros;
using AiCoachBot.Host.Bot;
using AiCoachBot.Host.Nudges;
using AiCoachBot.Host.Privacy;
using AiCoachBot.Coaching.Privacy;
using AiCoachBot.Coaching.Portfolio;
using AiCoachBot.Infrastructure.Llm;
using AiCoachBot.Infrastructure.Storage;
using AiCoachBot.Protocol;
using Microsoft.Extensions.Options;

namespace AiCoachBot.Host.Hosting;

internal static class CoachingRegistration
{
    /// <summary>Protocol, coaching and storage (embedded, or PostgreSQL), each configured from its own section.</summary>
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
        services.AddSingleton<IChannelMembers, ConnectorChannelMembers>();
        services.AddSingleton<LaterWorkQueue>();
        services.AddSingleton<CoachingService>();
        services.AddCoachModel();
        services.AddWeeklyNudges();
        services.AddOptions<ExportOptions>().BindConfiguration(ExportOptions.Section);
        services.AddOptions<PortfolioOptions>().BindConfiguration(PortfolioOptions.Section);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<PortfolioOptions>>().Value);
        services.AddOptions<TenantOptions>().BindConfiguration(TenantOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ExportDelivery>();

        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations()
            .Validate(o => o.UsesPostgres || !o.PostgresEntraAuthentication,
                "Storage:PostgresEntraAuthentication needs Storage:PostgresConnectionString (Host=<server>.postgres.database.azure.com;Database=…;Username=<identity name>;SSL Mode=Require).")
            .Validate(o => string.IsNullOrWhiteSpace(o.PostgresManagedIdentityClientId) || Guid.TryParse(o.PostgresManagedIdentityClientId, out _),
                "Storage:PostgresManagedIdentityClientId must be the managed identity's client id, a GUID.")
            .ValidateOnStart();
        // PostgreSQL when a connection string is given (several instances, one truth), the embedded SQLite file otherwise.
        services.AddSingleton<IStoreStartup>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            if (options.UsesPostgres) return PostgresDocumentStore.Open(options, sp.GetRequiredService<TimeProvider>());
            var folder = FromAppFolder(options.DataDirectory);
            Directory.CreateDirectory(folder);
            return new SqliteDocumentStore(Path.Combine(folder, options.DatabaseFileName), sp.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton(sp => (IDocumentStore)sp.GetRequiredService<IStoreStartup>());
        services.AddOptions<PrivacyOptions>().BindConfiguration(PrivacyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => new StorageDescription(sp.GetRequiredService<IOptions<StorageOptions>>().Value.UsesPostgres, sp.GetRequiredService<IOptions<PrivacyOptions>>().Value.RetentionDays));
        services.AddSingleton(sp => new RetentionPurge(sp.GetRequiredService<IDocumentStore>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<PrivacyOptions>>().Value, sp.GetRequiredService<INudgeJobs>()));
        services.AddHostedService<RetentionService>();
        services.AddOptions<RetroOptions>().BindConfiguration(RetroOptions.Section)
            .Validate(o => o.PseudonymKey is null || PseudonymKey.Parse(o.PseudonymKey) is not null,
                $"Retros:PseudonymKey must be a base64 key of at least {PseudonymKey.MinimumBytes} bytes (for example: openssl rand -base64 32), or left unset to keep one in the data folder.")
            .Validate<IOptions<StorageOptions>>((o, storage) => o.PseudonymKey is not null || !storage.Value.UsesPostgres,
                "Retros:PseudonymKey is required with Storage:PostgresConnectionString: instances sharing a database must share the key (openssl rand -base64 32).")
            .ValidateOnStart();
        services.AddSingleton(sp => PseudonymKey.Parse(sp.GetRequiredService<IOptions<RetroOptions>>().Value.PseudonymKey)
            ?? PseudonymKeyFile.LoadOrCreate(FromAppFolder(sp.GetRequiredService<IOptions<StorageOptions>>().Value.DataDirectory)));
        return builder;
    }

    /// <summary>The coach's options, and its language model when <c>Coach:Model:Endpoint</c> is set (offline answers otherwise).</summary>
    private static void AddCoachModel(this IServiceCollection services)
    {
        services.AddOptions<CoachOptions>().BindConfiguration(CoachOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ChatModelOptions>().BindConfiguration(ChatModelOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<ChatModelOptions>>().Value;
            if (!options.IsConfigured) return new ConfiguredChatModel(null);
            var handler = new ModelResilienceHandler(options, sp.GetRequiredService<TimeProvider>())
            {
                InnerHandler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) },
            };
            return new ConfiguredChatModel(new OpenAiChatModel(options, new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan }));
        });
    }

    /// <summary>The weekly KPI cards: posted through the connector by a background pass (<c>Nudges:Enabled</c> switches it).</summary>
    private static void AddWeeklyNudges(this IServiceCollection services)
    {
        services.AddOptions<NudgeOptions>().BindConfiguration(NudgeOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<INudgePoster, ConnectorNudgePoster>();
        services.AddSingleton(sp => NudgeJobTable.Of(sp.GetRequiredService<IDocumentStore>()));
        services.AddSingleton(sp => new NudgeDispatcher(
            sp.GetRequiredService<CoachingContent>(), sp.GetRequiredService<IDocumentStore>(), sp.GetRequiredService<INudgeJobs>(), sp.GetRequiredService<INudgePoster>(),
            sp.GetRequiredService<IOptions<NudgeOptions>>().Value, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<NudgeDispatcher>>()));
        services.AddHostedService<NudgeService>();
    }

    /// <summary>Loads content and opens storage before the first request, so a bad file or folder stops the start.</summary>
    public static async Task PrepareAsync(this WebApplication app, CancellationToken cancellationToken)
    {
        app.Services.GetRequiredService<CoachingContent>();
        await app.Services.GetRequiredService<IStoreStartup>().InitializeAsync(cancellationToken);
    }

    private static string FromAppFolder(string path) => Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, path));
}
