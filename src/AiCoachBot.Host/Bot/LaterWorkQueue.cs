using AiCoachBot.Coaching.Conversation;

namespace AiCoachBot.Host.Bot;

/// <summary>
/// Runs the work turns leave for after their answer, off the request: one at a time per key (the cards of one retro
/// are then updated in the order of the changes, each from a fresh read), stopped with the application. A failure
/// is logged and lost: what such work adds is never needed for the answer already given.
/// </summary>
public sealed class LaterWorkQueue(IHostApplicationLifetime lifetime, ILogger<LaterWorkQueue> logger)
{
    private readonly Dictionary<string, (SemaphoreSlim Gate, int Users)> _gates = new(StringComparer.Ordinal);

    public void Run(string? key, LaterWork work, Func<IReadOnlyList<CardUpdate>, CancellationToken, Task> publish)
    {
        var stopping = lifetime.ApplicationStopping;
        var gate = Enter(key ?? Guid.NewGuid().ToString("N"));
        _ = Task.Run(async () =>
        {
            try
            {
                await gate.Gate.WaitAsync(stopping);
                try { await work(updates => publish(updates, stopping), stopping); }
                finally { gate.Gate.Release(); }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested) { }
            catch (Exception ex) { BotLog.LaterWorkFailed(logger, ex); }
            finally { Leave(gate.Key); }
        }, CancellationToken.None);
    }

    private (string Key, SemaphoreSlim Gate) Enter(string key)
    {
        lock (_gates)
        {
            var (gate, users) = _gates.TryGetValue(key, out var entry) ? entry : (new SemaphoreSlim(1, 1), 0);
            _gates[key] = (gate, users + 1);
            return (key, gate);
        }
    }

    /// <summary>A key nobody waits on any more is forgotten, so that the table holds only work in progress.</summary>
    private void Leave(string key)
    {
        lock (_gates)
        {
            var (gate, users) = _gates[key];
            if (users == 1) { _gates.Remove(key); gate.Dispose(); }
            else _gates[key] = (gate, users - 1);
        }
    }
}
