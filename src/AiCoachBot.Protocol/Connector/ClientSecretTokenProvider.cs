using AiCoachBot.Protocol.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace AiCoachBot.Protocol.Connector;

/// <summary>Client-credentials token from Entra through MSAL, whose app cache renews it before it expires.</summary>
public sealed class ClientSecretTokenProvider : IConnectorTokenProvider
{
    private readonly IConfidentialClientApplication _app;
    private readonly string[] _scopes;

    public ClientSecretTokenProvider(IOptions<BotCredentialsOptions> credentials, IOptions<BotAuthenticationOptions> auth)
    {
        var c = credentials.Value;
        var tenant = c.AppType == BotAppType.MultiTenant ? "botframework.com" : c.MicrosoftAppTenantId;
        _app = ConfidentialClientApplicationBuilder.Create(c.MicrosoftAppId)
            .WithClientSecret(c.MicrosoftAppPassword)
            .WithAuthority($"{auth.Value.EntraAuthority.TrimEnd('/')}/{tenant}")
            .Build();
        _scopes = [auth.Value.OutboundScope];
    }

    public async ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        var result = await _app.AcquireTokenForClient(_scopes).ExecuteAsync(cancellationToken);
        return result.AccessToken;
    }
}
