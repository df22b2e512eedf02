namespace AiCoachBot.Protocol.Connector;

/// <summary>The bearer token the bot presents to the Bot Connector; null in local mode.</summary>
public interface IConnectorTokenProvider
{
    ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken);
}

public sealed class NoConnectorToken : IConnectorTokenProvider
{
    public ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult<string?>(null);
}
