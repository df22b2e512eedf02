using AiCoachBot.Coaching.Nudges;
using Microsoft.Extensions.Options;

namespace AiCoachBot.Host.Nudges;

/// <summary>Looks for due weekly cards every <see cref="NudgeOptions.TickInterval"/>, on the clock's marks; a failed pass is logged and the next one runs.</summary>
public sealed partial class NudgeService(NudgeDispatcher dispatcher, IOptions<NudgeOptions> options, TimeProvider time, ILogger<NudgeService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try { await dispatcher.RunOnceAsync(stoppingToken); }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception ex) { PassFailed(logger, ex); }
            try { await Task.Delay(UntilNextTick(options.Value.TickInterval, time.GetUtcNow()), time, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>
    /// Passes fall on multiples of the interval (09:00:00, 09:01:00, ...), the same moments on every instance: cards due
    /// at the start of a minute go at once, and every instance takes its share of them from the first second.
    /// </summary>
    public static TimeSpan UntilNextTick(TimeSpan interval, DateTimeOffset now) => interval - TimeSpan.FromTicks(now.UtcTicks % interval.Ticks);

    [LoggerMessage(EventId = 6100, Level = LogLevel.Error, Message = "A pass of the weekly nudges failed; the next pass will try again")]
    private static partial void PassFailed(ILogger logger, Exception exception);
}
