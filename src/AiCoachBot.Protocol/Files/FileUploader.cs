using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using AiCoachBot.Protocol.Authentication;
using AiCoachBot.Protocol.Connector;
using AiCoachBot.Protocol.Hosting;
using AiCoachBot.Protocol.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Timeout;

namespace AiCoachBot.Protocol.Files;

/// <summary>
/// One PUT of the whole file, <c>Content-Range: bytes 0-{n-1}/{n}</c>, and no Authorization header: the URL is
/// pre-authorised, and OneDrive answers 401 to a bearer token there. Repeated on 429 (honouring Retry-After),
/// transient 5xx and timeouts. The URL is a secret, so only its host is ever logged.
/// </summary>
public sealed class FileUploader(
    HttpClient http, IOptions<BotFilesOptions> options, IOptions<BotCredentialsOptions> credentials, TimeProvider time, ILogger<FileUploader> logger)
    : IFileUploader
{
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline = Build(options.Value, time);

    public async Task<UploadOutcome> UploadAsync(Uri uploadUrl, byte[] content, CancellationToken cancellationToken)
    {
        if (Refusal(uploadUrl, content) is { } reason)
        {
            ProtocolLog.UploadRefused(logger, reason);
            return new UploadOutcome.Refused(reason);
        }

        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        Outcome<HttpResponseMessage> outcome;
        try
        {
            outcome = await _pipeline.ExecuteOutcomeAsync(
                static async (ctx, state) =>
                {
                    try
                    {
                        using var request = Put(state.uploadUrl, state.content);
                        return Outcome.FromResult(await state.http.SendAsync(request, ctx.CancellationToken));
                    }
                    catch (Exception ex) { return Outcome.FromException<HttpResponseMessage>(ex); }
                },
                context, (http, uploadUrl, content));
        }
        finally { ResilienceContextPool.Shared.Return(context); }

        if (outcome.Exception is OperationCanceledException && cancellationToken.IsCancellationRequested)
            throw new OperationCanceledException(cancellationToken);
        var result = await OutcomeOf(outcome, cancellationToken);
        if (result is UploadOutcome.Failed failed) ProtocolLog.UploadFailed(logger, uploadUrl.Host, failed.Reason);
        return result;
    }

    private string? Refusal(Uri uploadUrl, byte[] content)
    {
        if (UploadUrlPolicy.Problem(uploadUrl, options.Value.AllowedUploadHostSuffixes, credentials.Value.IsLocalMode) is { } problem) return problem;
        if (content.Length == 0) return "There is nothing to upload.";
        if (content.Length > options.Value.MaxUploadBytes) return $"The file has {content.Length} bytes; at most {options.Value.MaxUploadBytes} may be uploaded.";
        return null;
    }

    private static HttpRequestMessage Put(Uri uploadUrl, byte[] content)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, uploadUrl) { Content = new ByteArrayContent(content) };
        request.Content.Headers.ContentLength = content.Length;
        request.Content.Headers.ContentRange = new ContentRangeHeaderValue(0, content.Length - 1, content.Length);
        return request;
    }

    private static async Task<UploadOutcome> OutcomeOf(Outcome<HttpResponseMessage> outcome, CancellationToken cancellationToken)
    {
        if (outcome.Exception is TimeoutRejectedException) return new UploadOutcome.Failed(null, "The upload host did not answer in time.");
        if (outcome.Exception is HttpRequestException or TimeoutException) return new UploadOutcome.Failed(null, "The upload host could not be reached.");
        outcome.ThrowIfException();
        using var response = outcome.Result!;
        // 202 means the server still waits for bytes: a whole-range PUT should never get it.
        if (response.IsSuccessStatusCode && response.StatusCode != HttpStatusCode.Accepted) return new UploadOutcome.Uploaded();
        var code = await ErrorCodeAsync(response, cancellationToken);
        var reason = code is null ? $"The upload host answered {(int)response.StatusCode}." : $"The upload host answered {(int)response.StatusCode} {code}.";
        return new UploadOutcome.Failed(response.StatusCode, reason);
    }

    /// <summary>OneDrive errors are <c>{error:{code,message}}</c>; the code is worth keeping, the message may quote the URL.</summary>
    private static async Task<string?> ErrorCodeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            return body.Length == 0 ? null : JsonSerializer.Deserialize(body, ProtocolJsonContext.Default.ConnectorErrorResponse)?.Error?.Code;
        }
        catch (JsonException) { return null; }
    }

    private static ResiliencePipeline<HttpResponseMessage> Build(BotFilesOptions o, TimeProvider time) =>
        new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }
            .AddTimeout(o.TotalTimeout)
            // No MaxDelay: a Retry-After longer than MaxRetryAfter is not retried at all (ShouldRetry).
            .AddRetry(HttpRetryStrategy.Options(o.MaxRetries, o.BaseDelay, maxDelay: null, args => ShouldRetry(args.Outcome, o, time), time))
            .AddTimeout(o.AttemptTimeout)
            .Build();

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, BotFilesOptions o, TimeProvider time)
    {
        if (outcome.Exception is { } ex) return UploadRetryPolicy.IsRetriableException(ex);
        var response = outcome.Result!;
        if (!UploadRetryPolicy.IsRetriableStatus(response.StatusCode)) return false;
        // Waiting longer than the caller can afford helps nobody: hand the throttle back instead.
        return ConnectorRetryPolicy.RetryAfter(response, time.GetUtcNow()) is not { } wait || wait <= o.MaxRetryAfter;
    }
}
