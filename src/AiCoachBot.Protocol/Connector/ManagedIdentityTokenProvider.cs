using AiCoachBot.Protocol.Authentication;
using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Options;

namespace AiCoachBot.Protocol.Connector;

/// <summary>Token from the user-assigned managed identity, kept until five minutes before it expires.</summary>
public sealed class ManagedIdentityTokenProvider(
    IOptions<BotCredentialsOptions> credentials, IOptions<BotAuthenticationOptions> auth, TimeProvider time) : IConnectorTokenProvider
{
    private static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(5);
    private readonly TokenCredential _credential = new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(credentials.Value.MicrosoftAppId!));
    private readonly SemaphoreSlim _renewal = new(1, 1);
    private AccessToken? _cached;

    public async ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (IsFresh(_cached)) return _cached!.Value.Token;
        await _renewal.WaitAsync(cancellationToken);
        try
        {
            if (!IsFresh(_cached))
                _cached = await _credential.GetTokenAsync(new TokenRequestContext([auth.Value.OutboundScope]), cancellationToken);
            return _cached!.Value.Token;
        }
        finally { _renewal.Release(); }
    }

    private bool IsFresh(AccessToken? token) => token is { } t && t.ExpiresOn - RenewBefore > time.GetUtcNow();
}
