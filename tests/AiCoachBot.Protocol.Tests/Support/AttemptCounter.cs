namespace AiCoachBot.Protocol.Tests.Support;

/// <summary>Counts the requests that reach the network, including those that never get an answer.</summary>
public sealed class AttemptCounter : DelegatingHandler
{
    private int _count;

    public int Count => _count;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _count);
        return base.SendAsync(request, cancellationToken);
    }
}
