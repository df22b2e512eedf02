using Polly;
using Polly.Retry;

namespace AiCoachBot.Protocol.Connector;

/// <summary>
/// The retry both outbound clients share: jittered exponential backoff, the server's <c>Retry-After</c>
/// when it sends one, and each discarded answer disposed. What is worth retrying is theirs to say.
/// </summary>
public static class HttpRetryStrategy
{
    public static RetryStrategyOptions<HttpResponseMessage> Options(
        int maxRetries, TimeSpan baseDelay, TimeSpan? maxDelay, Func<RetryPredicateArguments<HttpResponseMessage>, bool> shouldRetry, TimeProvider time) => new()
    {
        MaxRetryAttempts = Math.Max(1, maxRetries),
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = true,
        Delay = baseDelay,
        MaxDelay = maxDelay,
        ShouldHandle = args => ValueTask.FromResult(maxRetries > 0 && shouldRetry(args)),
        DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { } r ? ConnectorRetryPolicy.RetryAfter(r, time.GetUtcNow()) : null),
        OnRetry = args => { args.Outcome.Result?.Dispose(); return ValueTask.CompletedTask; },
    };
}
