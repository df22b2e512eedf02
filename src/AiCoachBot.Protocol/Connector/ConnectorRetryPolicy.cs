using System.Net;
using System.Net.Sockets;

namespace AiCoachBot.Protocol.Connector;

/// <summary>
/// Which failures are worth another attempt: 429, 412, 502, 503 and 504, as Teams asks. 429, 412 and 503 are
/// refusals, so repeating cannot duplicate anything. A 502 or 504 comes from a gateway that may already have
/// passed the message on, and a POST that timed out or lost its connection after it was sent may have been
/// delivered: repeating such a POST could show the user the same message twice, so only idempotent calls
/// (update, read) are repeated then.
/// </summary>
public static class ConnectorRetryPolicy
{
    public static bool IsRetriableStatus(HttpStatusCode status, HttpMethod method) => status switch
    {
        HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed or HttpStatusCode.ServiceUnavailable => true,
        HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout => method != HttpMethod.Post,
        _ => false,
    };

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
