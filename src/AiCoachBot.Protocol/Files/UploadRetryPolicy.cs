using System.Net;
using Polly.Timeout;

namespace AiCoachBot.Protocol.Files;

/// <summary>
/// Which failed uploads are worth another attempt. A PUT of the whole range is idempotent, so unlike a connector
/// POST it may be repeated after a timeout, a lost connection or any transient 5xx. 501 and 507 are not transient.
/// </summary>
public static class UploadRetryPolicy
{
    public static bool IsRetriableStatus(HttpStatusCode status) =>
        status == HttpStatusCode.TooManyRequests ||
        (status >= HttpStatusCode.InternalServerError && status is not (HttpStatusCode.NotImplemented or HttpStatusCode.InsufficientStorage));

    public static bool IsRetriableException(Exception exception) =>
        exception is HttpRequestException or TimeoutRejectedException or TimeoutException;
}
