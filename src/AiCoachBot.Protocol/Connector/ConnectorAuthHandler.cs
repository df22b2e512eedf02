using System.Net.Http.Headers;
using AiCoachBot.Protocol.Authentication;

namespace AiCoachBot.Protocol.Connector;

/// <summary>Attaches the bot's token, and only for service URLs that came in an authenticated activity.</summary>
public sealed class ConnectorAuthHandler(IConnectorTokenProvider tokens, TrustedServiceUrls trusted, InboundTokenValidator inbound) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!inbound.IsLocalMode)
        {
            if (request.RequestUri is null || !trusted.IsTrusted(request.RequestUri))
                throw new UntrustedServiceUrlException(request.RequestUri);
            var token = await tokens.GetTokenAsync(cancellationToken);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return await base.SendAsync(request, cancellationToken);
    }
}

public sealed class UntrustedServiceUrlException(Uri? uri)
    : InvalidOperationException($"Refusing to call {uri?.GetLeftPart(UriPartial.Authority)}: it did not arrive in an authenticated activity.");
