using System.Net;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace AiCoachBot.Infrastructure.Llm;

/// <summary>
/// The model client's one Polly pipeline: an overall timeout, retries with jitter on 408, 429 (honouring
/// <c>retry-after-ms</c> / <c>Retry-After</c> when it is short enough), 5xx and lost connections, a circuit
/// breaker, and a timeout per attempt. Asking again is safe: an unanswered completion shows nothing to anyone.
/// </summary>
public sealed class ModelResilienceHandler : DelegatingHandler
{
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly TimeProvider _time;

    public ModelResilienceHandler(ChatModelOptions options, TimeProvider time)
    {
        _time = time;
        _pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }
            .AddTimeout(options.TotalTimeout)
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = Math.Max(1, options.MaxRetries),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                ShouldHandle = args => ValueTask.FromResult(options.MaxRetries > 0 && ShouldRetry(args.Outcome, options.MaxRetryAfter)),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { } r ? ModelRetryAfter.Of(r, time.GetUtcNow()) : null),
                OnRetry = args => { args.Outcome.Result?.Dispose(); return ValueTask.CompletedTask; },
            })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                FailureRatio = options.BreakerFailureRatio,
                MinimumThroughput = options.BreakerMinimumThroughput,
                SamplingDuration = options.BreakerSamplingDuration,
                BreakDuration = options.BreakerBreakDuration,
                ShouldHandle = args => ValueTask.FromResult(IsFailure(args.Outcome)),
            })
            .AddTimeout(options.AttemptTimeout)
            .Build();
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        try
        {
            var outcome = await _pipeline.ExecuteOutcomeAsync(
                static async (ctx, state) =>
                {
                    try
                    {
                        using var attempt = Copy(state.request, state.body);
                        return Outcome.FromResult(await state.handler.SendOnceAsync(attempt, ctx.CancellationToken));
                    }
                    catch (Exception ex) { return Outcome.FromException<HttpResponseMessage>(ex); }
                },
                context, (handler: this, request, body));
            outcome.ThrowIfException();
            return outcome.Result!;
        }
        finally { ResilienceContextPool.Shared.Return(context); }
    }

    private Task<HttpResponseMessage> SendOnceAsync(HttpRequestMessage request, CancellationToken cancellationToken) => base.SendAsync(request, cancellationToken);

    private bool ShouldRetry(Outcome<HttpResponseMessage> outcome, TimeSpan maxRetryAfter)
    {
        if (outcome.Exception is { } ex) return ex is HttpRequestException or TimeoutRejectedException;
        var response = outcome.Result!;
        if (!IsTransient(response.StatusCode)) return false;
        return ModelRetryAfter.Of(response, _time.GetUtcNow()) is not { } wait || wait <= maxRetryAfter;
    }

    private static bool IsFailure(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is HttpRequestException or TimeoutRejectedException || (outcome.Result is { } r && IsTransient(r.StatusCode));

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    private static HttpRequestMessage Copy(HttpRequestMessage original, byte[]? body)
    {
        var copy = new HttpRequestMessage(original.Method, original.RequestUri) { Version = original.Version };
        foreach (var header in original.Headers.NonValidated) copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        if (body is not null)
        {
            copy.Content = new ByteArrayContent(body);
            foreach (var header in original.Content!.Headers.NonValidated) copy.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
        return copy;
    }
}
