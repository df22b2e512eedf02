using AiCoachBot.Coaching.Nudges;
using Microsoft.Extensions.Options;

namespace AiCoachBot.Host.Nudges;

/// <summary>Looks for due weekly cards every <see cref="NudgeOptions.TickInterval"/>; a failed pass is logged and the next one runs.</summary>
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
            try { await Task.Delay(options.Value.TickInterval, time, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    [LoggerMessage(EventId = 6100, Level = LogLevel.Error, Message = "A pass of the weekly nudges failed; the next pass will try again")]
    private static partial void PassFailed(ILogger logger, Exception exception);
}
