using AiCoachBot.Coaching.Privacy;
using Microsoft.Extensions.Options;

namespace AiCoachBot.Host.Privacy;

/// <summary>Runs the retention purge at start and every <see cref="PrivacyOptions.PurgeInterval"/>; a failed run is logged and the next one runs.</summary>
public sealed partial class RetentionService(RetentionPurge purge, IOptions<PrivacyOptions> options, TimeProvider time, ILogger<RetentionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var erased = await purge.RunOnceAsync(stoppingToken);
                if (erased > 0) Purged(logger, erased, options.Value.RetentionDays);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception ex) { PurgeFailed(logger, ex); }
            try { await Task.Delay(options.Value.PurgeInterval, time, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    [LoggerMessage(EventId = 6200, Level = LogLevel.Information, Message = "Retention: {Count} conversation records untouched for {Days} days erased")]
    private static partial void Purged(ILogger logger, int count, int days);

    [LoggerMessage(EventId = 6201, Level = LogLevel.Error, Message = "The retention purge failed; the next run will try again")]
    private static partial void PurgeFailed(ILogger logger, Exception exception);
}
