using AiCoachBot.Protocol.Authentication;
using AiCoachBot.Protocol.Connector;
using AiCoachBot.Protocol.Files;
using AiCoachBot.Protocol.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AiCoachBot.Protocol;

public static class ProtocolServiceCollectionExtensions
{
    /// <summary>The Bot Framework protocol: inbound auth, connector client with resilience, dispatch to <typeparamref name="THandler"/>.</summary>
    public static IServiceCollection AddBotFrameworkProtocol<THandler>(this IServiceCollection services, IConfiguration configuration)
        where THandler : ActivityHandler
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<BotCredentialsOptions>().Bind(configuration).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BotCredentialsOptions>, BotCredentialsValidator>();
        services.AddOptions<BotAuthenticationOptions>().BindConfiguration(BotAuthenticationOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ConnectorResilienceOptions>().BindConfiguration(ConnectorResilienceOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<BotEndpointOptions>().BindConfiguration(BotEndpointOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<BotFilesOptions>().BindConfiguration(BotFilesOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        services.AddSingleton<TrustedServiceUrls>();
        services.AddSingleton<IOpenIdMetadataSource, OpenIdMetadataSource>();
        services.AddSingleton<InboundTokenValidator>();
        services.AddHttpClient(OpenIdMetadataSource.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(10));

        services.AddSingleton<IConnectorTokenProvider>(sp => sp.GetRequiredService<IOptions<BotCredentialsOptions>>().Value switch
        {
            { IsLocalMode: true } => new NoConnectorToken(),
            { AppType: BotAppType.UserAssignedMsi } => ActivatorUtilities.CreateInstance<ManagedIdentityTokenProvider>(sp),
            _ => ActivatorUtilities.CreateInstance<ClientSecretTokenProvider>(sp),
        });
        services.AddTransient<ConnectorAuthHandler>();
        services.AddTransient<ConnectorResilienceHandler>();
        services.AddHttpClient<IConnectorClient, ConnectorClient>(c => c.Timeout = Timeout.InfiniteTimeSpan)
            .AddHttpMessageHandler<ConnectorAuthHandler>()
            .AddHttpMessageHandler<ConnectorResilienceHandler>()
            // The connector answers with a few bytes of JSON: no decompression, redirects, cookies or trace headers to pay for.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                MaxConnectionsPerServer = 64,
                AutomaticDecompression = System.Net.DecompressionMethods.None,
                AllowAutoRedirect = false,
                UseCookies = false,
                ActivityHeadersPropagator = null,
            })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers();

        // No auth handler: upload URLs are pre-authorised. No redirects: an allowed host must not hand the bytes elsewhere.
        // No logging handlers: they would write the URL, which is as good as a token.
        services.AddHttpClient<IFileUploader, FileUploader>(c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                AllowAutoRedirect = false,
                UseCookies = false,
            })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers();

        services.AddSingleton<ConversationTurnGate>();
        services.AddSingleton<ActivityHandler, THandler>();
        services.AddSingleton<ActivityProcessor>();
        services.AddHostedService<LocalModeGuard>();
        return services;
    }

    public static RouteHandlerBuilder MapBotMessages(this IEndpointRouteBuilder endpoints, string pattern = "/api/messages") =>
        endpoints.MapPost(pattern, (HttpContext http, ActivityProcessor processor) => processor.ProcessAsync(http))
            .DisableAntiforgery();
}
