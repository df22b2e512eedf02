using System.Net;
using System.Net.Sockets;

namespace AiCoachBot.Protocol.Connector;

/// <summary>
/// Which failures are worth another attempt. Status codes in the list are refusals by the service, so a
/// retry cannot duplicate anything. A POST that timed out or lost its connection after it was sent may
/// have been delivered; repeating it could show the user the same message twice, so it is not repeated.
/// </summary>
public static class ConnectorRetryPolicy
{
    public static bool IsRetriableStatus(HttpStatusCode status) => status is
        HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed or
        HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    public static bool IsRetriableException(Exception exception, HttpMethod method)
    {
        if (IsNeverSent(exception)) return true;
        var idempotent = method != HttpMethod.Post;
        return idempotent && exception is HttpRequestException or TimeoutException or Polly.Timeout.TimeoutRejectedException;
    }

    private static bool IsNeverSent(Exception exception) =>
        exception is HttpRequestException { InnerException: SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.NetworkUnreachable } };

    public static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta) return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        if (header?.Date is { } date) return date > now ? date - now : TimeSpan.Zero;
        return null;
    }
}
