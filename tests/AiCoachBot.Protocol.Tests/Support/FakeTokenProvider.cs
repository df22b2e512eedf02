using AiCoachBot.Protocol.Connector;

namespace AiCoachBot.Protocol.Tests.Support;

public sealed class FakeTokenProvider(string token) : IConnectorTokenProvider
{
    private int _calls;

    public int Calls => _calls;

    public ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        return ValueTask.FromResult<string?>(token);
    }
}
