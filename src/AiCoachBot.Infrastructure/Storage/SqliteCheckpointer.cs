using Microsoft.Data.Sqlite;

namespace AiCoachBot.Infrastructure.Storage;

/// <summary>
/// Copies the write-ahead log into the database file in the background. Left to SQLite, the checkpoint
/// (and its fsync) would run inside whichever write crossed the threshold, stalling every turn queued
/// behind it. A passive checkpoint never blocks readers or the writer.
/// </summary>
internal sealed class SqliteCheckpointer : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);
    private readonly Task _loop;
    private int _writesSinceCheckpoint;

    private SqliteCheckpointer(string connectionString, TimeProvider time, CancellationToken stopping) =>
        _loop = RunAsync(connectionString, time, stopping);

    public static SqliteCheckpointer Start(string connectionString, TimeProvider time, CancellationToken stopping) => new(connectionString, time, stopping);

    public void NoteWrite() => Interlocked.Increment(ref _writesSinceCheckpoint);

    private async Task RunAsync(string connectionString, TimeProvider time, CancellationToken stopping)
    {
        await Task.Yield();
        try
        {
            await using var connection = await SqliteConnections.OpenAsync(connectionString, stopping);
            using var timer = new PeriodicTimer(Interval, time);
            while (await timer.WaitForNextTickAsync(stopping))
            {
                if (Interlocked.Exchange(ref _writesSinceCheckpoint, 0) == 0) continue;
                try { await SqliteConnections.ExecuteAsync(connection, "PRAGMA wal_checkpoint(PASSIVE);", stopping); }
                catch (SqliteException) { Interlocked.Increment(ref _writesSinceCheckpoint); }
            }
        }
        catch (OperationCanceledException) { }
    }

    public async ValueTask DisposeAsync() => await _loop;
}
