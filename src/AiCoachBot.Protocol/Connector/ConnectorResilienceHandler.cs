using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace AiCoachBot.Protocol.Connector;

/// <summary>Timeout, retry (honouring Retry-After) and a circuit breaker per connector host.</summary>
public sealed class ConnectorResilienceHandler(IOptions<ConnectorResilienceOptions> options, TimeProvider time) : DelegatingHandler
{
    private static readonly ResiliencePropertyKey<HttpMethod> MethodKey = new("connector.method");
    private readonly ConcurrentDictionary<string, ResiliencePipeline<HttpResponseMessage>> _pipelines = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var pipeline = _pipelines.GetOrAdd(request.RequestUri!.GetLeftPart(UriPartial.Authority), _ => Build(options.Value));
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(MethodKey, request.Method);
        try
        {
            var outcome = await pipeline.ExecuteOutcomeAsync(
                static async (ctx, state) =>
                {
                    try
                    {
                        using var attempt = state.handler.CopyOf(state.request, state.body);
                        return Outcome.FromResult(await state.handler.SendOnceAsync(attempt, ctx.CancellationToken));
                    }
                    catch (Exception ex) { return Outcome.FromException<HttpResponseMessage>(ex); }
                },
                context, (handler: this, request, body));
            outcome.ThrowIfException();
            return outcome.Result!;
        }
        catch (TimeoutRejectedException)
        {
            throw new ConnectorException(HttpStatusCode.GatewayTimeout, "Timeout", $"Connector at {request.RequestUri.Authority} did not answer in time.");
        }
        catch (BrokenCircuitException ex)
        {
            throw new ConnectorException(HttpStatusCode.ServiceUnavailable, "CircuitOpen", $"Connector at {request.RequestUri.Authority} is failing; calls are paused: {ex.Message}");
        }
        finally { ResilienceContextPool.Shared.Return(context); }
    }

    private Task<HttpResponseMessage> SendOnceAsync(HttpRequestMessage request, CancellationToken cancellationToken) => base.SendAsync(request, cancellationToken);

    private HttpRequestMessage CopyOf(HttpRequestMessage original, byte[]? body)
    {
        var copy = new HttpRequestMessage(original.Method, original.RequestUri) { Version = original.Version };
        // NonValidated: the headers were checked when they were set; parsing them again on every send takes a lock per header.
        foreach (var header in original.Headers.NonValidated) copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        if (body is not null)
        {
            copy.Content = new ByteArrayContent(body);
            foreach (var header in original.Content!.Headers.NonValidated) copy.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
        return copy;
    }

    private ResiliencePipeline<HttpResponseMessage> Build(ConnectorResilienceOptions o) => new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }
        .AddTimeout(o.TotalTimeout)
        .AddRetry(HttpRetryStrategy.Options(o.MaxRetries, o.BaseDelay, o.MaxRetryAfter, args => ShouldRetry(args.Outcome, args.Context, o), time))
        .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
        {
            FailureRatio = o.BreakerFailureRatio,
            MinimumThroughput = o.BreakerMinimumThroughput,
            SamplingDuration = TimeSpan.FromSeconds(30),
            BreakDuration = o.BreakerBreakDuration,
            ShouldHandle = args => ValueTask.FromResult(
                args.Outcome.Exception is HttpRequestException or TimeoutRejectedException ||
                args.Outcome.Result?.StatusCode is >= HttpStatusCode.InternalServerError),
        })
        .AddTimeout(o.AttemptTimeout)
        .Build();

    private bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context, ConnectorResilienceOptions o)
    {
        var method = context.Properties.GetValue(MethodKey, HttpMethod.Post);
        if (outcome.Exception is { } ex) return ConnectorRetryPolicy.IsRetriableException(ex, method);
        var response = outcome.Result!;
        if (!ConnectorRetryPolicy.IsRetriableStatus(response.StatusCode, method)) return false;
        // Waiting longer than the caller can afford helps nobody: hand the throttle back instead.
        return ConnectorRetryPolicy.RetryAfter(response, time.GetUtcNow()) is not { } wait || wait <= o.MaxRetryAfter;
    }
}
