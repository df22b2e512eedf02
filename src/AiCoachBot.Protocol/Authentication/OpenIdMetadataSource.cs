using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace AiCoachBot.Protocol.Authentication;

public interface IOpenIdMetadataSource
{
    Task<OpenIdConnectConfiguration> GetAsync(string metadataUrl, CancellationToken cancellationToken);
    void RequestRefresh(string metadataUrl);
}

/// <summary>One cached, periodically refreshed document per metadata URL.</summary>
public sealed class OpenIdMetadataSource(IHttpClientFactory httpClients, IOptions<BotAuthenticationOptions> options) : IOpenIdMetadataSource
{
    public const string HttpClientName = "openid-metadata";
    private readonly ConcurrentDictionary<string, ConfigurationManager<OpenIdConnectConfiguration>> _managers = new();

    public Task<OpenIdConnectConfiguration> GetAsync(string metadataUrl, CancellationToken cancellationToken) =>
        Manager(metadataUrl).GetConfigurationAsync(cancellationToken);

    public void RequestRefresh(string metadataUrl) => Manager(metadataUrl).RequestRefresh();

    private ConfigurationManager<OpenIdConnectConfiguration> Manager(string url) => _managers.GetOrAdd(url, u =>
    {
        var retriever = new HttpDocumentRetriever(httpClients.CreateClient(HttpClientName)) { RequireHttps = options.Value.RequireHttpsMetadata };
        return new ConfigurationManager<OpenIdConnectConfiguration>(u, new OpenIdConnectConfigurationRetriever(), retriever)
        {
            AutomaticRefreshInterval = options.Value.MetadataRefreshInterval,
            RefreshInterval = options.Value.MetadataMinimumRefreshInterval,
        };
    });
}
