using System.Globalization;

namespace AiCoachBot.Infrastructure.Llm;

/// <summary>
/// How long a throttled model endpoint asks to wait: Azure OpenAI's <c>retry-after-ms</c> first (milliseconds),
/// then the standard <c>Retry-After</c> (seconds or a date).
/// </summary>
public static class ModelRetryAfter
{
    public const string MillisecondsHeader = "retry-after-ms";

    public static TimeSpan? Of(HttpResponseMessage response, DateTimeOffset now)
    {
        if (response.Headers.TryGetValues(MillisecondsHeader, out var values)
            && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var ms) && ms >= 0)
            return TimeSpan.FromMilliseconds(ms);
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta) return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        if (header?.Date is { } date) return date > now ? date - now : TimeSpan.Zero;
        return null;
    }
}
