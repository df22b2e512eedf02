using System.Buffers;
using System.Net;
using System.Text;
using System.Text.Json;
using AiCoachBot.Protocol.Authentication;
using AiCoachBot.Protocol.Connector;
using AiCoachBot.Protocol.Schema;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AiCoachBot.Protocol.Hosting;

/// <summary>
/// <c>POST /api/messages</c>: size limit, JSON, authentication, per-conversation ordering, dispatch.
/// Every refusal is a 4xx with no detail; a failing turn never becomes a 500.
/// </summary>
public sealed class ActivityProcessor(
    InboundTokenValidator validator,
    ActivityHandler handler,
    IConnectorClient connector,
    ConversationTurnGate gate,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    IOptions<BotEndpointOptions> options,
    ILogger<ActivityProcessor> logger)
{
    public async Task<IResult> ProcessAsync(HttpContext http)
    {
        if (validator.IsLocalMode && !LocalOnly.IsLoopbackCaller(http.Connection.RemoteIpAddress))
        {
            ProtocolLog.NotLoopback(logger, http.Connection.RemoteIpAddress?.ToString());
            return Results.StatusCode(StatusCodes.Status401Unauthorized);
        }

        // A web page may post plain text to a local bot without asking the browser first; JSON it cannot.
        if (!IsJson(http.Request.ContentType)) return Reject(StatusCodes.Status415UnsupportedMediaType, "content type is not JSON");
        if (validator.IsLocalMode && !LocalOnly.IsLoopbackHost(http.Request.Host.Host))
            return Reject(StatusCodes.Status400BadRequest, "local mode serves loopback host names only");

        var (body, tooLarge) = await ReadBodyAsync(http);
        if (tooLarge) return Reject(StatusCodes.Status413PayloadTooLarge, "body over the size limit");
        if (body is null || body.Length == 0) return Reject(StatusCodes.Status400BadRequest, "empty body");

        Activity? activity;
        try { activity = ProtocolJson.DeserializeActivity(body); }
        catch (JsonException) { return Reject(StatusCodes.Status400BadRequest, "malformed JSON"); }
        catch (NotSupportedException) { return Reject(StatusCodes.Status400BadRequest, "unsupported JSON"); }
        if (activity is null) return Reject(StatusCodes.Status400BadRequest, "not an activity");
        if (ActivityShape.Problem(activity) is { } problem) return Reject(StatusCodes.Status400BadRequest, problem);
        // Unauthenticated, the bot would post its replies wherever the request says: keep that on this machine.
        if (validator.IsLocalMode && !LocalOnly.IsLoopbackUrl(activity.ServiceUrl!))
            return Reject(StatusCodes.Status400BadRequest, "local mode replies to loopback service URLs only");

        var auth = await validator.ValidateAsync(http.Request.Headers.Authorization, activity, http.RequestAborted);
        if (!auth.Accepted)
        {
            if (auth.Status == AuthenticationStatus.MetadataUnavailable) ProtocolLog.MetadataUnavailable(logger, auth.Reason!);
            else ProtocolLog.Unauthenticated(logger, auth.Reason!);
            return Results.StatusCode(StatusCodes.Status401Unauthorized);
        }

        using var scope = logger.BeginScope(new Dictionary<string, object?>
        {
            ["ConversationId"] = activity.Conversation!.Id,
            ["ActivityId"] = activity.Id,
            ["ActivityType"] = activity.Type,
        });
        var response = await RunTurnAsync(activity);
        return response is null
            ? Results.Ok()
            : response.Body is null ? Results.StatusCode(response.Status) : Results.Text(ProtocolJson.Write(response.Body), "application/json", Encoding.UTF8, response.Status);
    }

    private async Task<InvokeResponse?> RunTurnAsync(Activity activity)
    {
        // The turn outlives a dropped connection: state is committed before replies are sent, so
        // stopping halfway would only lose the replies.
        var cancellationToken = lifetime.ApplicationStopping;
        var started = time.GetTimestamp();
        IDisposable lease;
        try { lease = await gate.EnterAsync(activity.Conversation!.Id!, cancellationToken); }
        catch (OperationCanceledException) { return activity.Type == ActivityTypes.Invoke ? InvokeErrors.Unavailable : null; }
        using var _ = lease;
        await using var typing = activity.Type == ActivityTypes.Message
            ? TypingIndicator.Start(connector, activity, time, options.Value.TypingDelay, options.Value.TypingInterval)
            : TypingIndicator.None;
        var turn = new TurnContext(activity, connector, typing);
        try
        {
            var response = await handler.OnTurnAsync(turn, cancellationToken);
            ProtocolLog.TurnHandled(logger, time.GetElapsedTime(started).TotalMilliseconds);
            return response;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return activity.Type == ActivityTypes.Invoke ? InvokeErrors.Unavailable : null;
        }
        catch (Exception ex)
        {
            ProtocolLog.TurnFailed(logger, ex);
            typing.Stop();
            try
            {
                return await handler.OnTurnErrorAsync(turn, ex, cancellationToken);
            }
            catch (Exception apologyFailure)
            {
                ProtocolLog.TurnFailed(logger, apologyFailure);
                return activity.Type == ActivityTypes.Invoke ? InvokeErrors.Error(500, "InternalError", "Something went wrong.") : null;
            }
        }
    }

    private IResult Reject(int status, string reason)
    {
        ProtocolLog.Rejected(logger, reason);
        return Results.StatusCode(status);
    }

    private async Task<(byte[]? Body, bool TooLarge)> ReadBodyAsync(HttpContext http)
    {
        var limit = options.Value.MaxBodyBytes;
        if (http.Request.ContentLength > limit) return (null, true);
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature) sizeFeature.MaxRequestBodySize = limit;

        var buffer = new ArrayBufferWriter<byte>(4096);
        try
        {
            while (true)
            {
                var memory = buffer.GetMemory(8192);
                var read = await http.Request.Body.ReadAsync(memory, http.RequestAborted);
                if (read == 0) break;
                buffer.Advance(read);
                if (buffer.WrittenCount > limit) return (null, true);
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge) { return (null, true); }
        return (buffer.WrittenSpan.ToArray(), false);
    }

    private static bool IsJson(string? contentType) =>
        contentType is not null && Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var media) &&
        (media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || media.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase));
}
