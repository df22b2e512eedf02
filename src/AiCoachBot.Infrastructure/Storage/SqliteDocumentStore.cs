using System.Collections.Concurrent;
using AiCoachBot.Coaching.State;
using Microsoft.Data.Sqlite;

namespace AiCoachBot.Infrastructure.Storage;

/// <summary>
/// The embedded store: one SQLite file in WAL mode. SQLite admits one writer at a time, so writes queue
/// on one connection with prepared statements (colliding writers would back off with long sleeps);
/// readers use a pool of their own and never wait for the writer. ETags are random, so a document
/// deleted and created again never matches an ETag read before.
/// </summary>
public sealed class SqliteDocumentStore : IDocumentStore, IStoreStartup, IAsyncDisposable
{
    private readonly string _connectionString;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _writerGate = new(1, 1);
    private readonly ConcurrentBag<SqliteReader> _readers = [];
    private readonly CancellationTokenSource _stopping = new();
    private SqliteWriter? _writer;
    private SqliteCheckpointer? _checkpointer;

    public SqliteDocumentStore(string databasePath, TimeProvider time)
    {
        DatabasePath = databasePath;
        _time = time;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString();
    }

    public string DatabasePath { get; }

    /// <summary>Creates or migrates the schema and opens the writer; safe to run at every start.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (_writer is not null) return;
        var connection = await SqliteConnections.OpenAsync(_connectionString, cancellationToken);
        await SqliteConnections.ExecuteAsync(connection, "PRAGMA journal_mode=WAL; PRAGMA wal_autocheckpoint=0;", cancellationToken);
        await SqliteMigrations.ApplyAsync(connection, cancellationToken);
        _writer = new SqliteWriter(connection);
        _checkpointer = SqliteCheckpointer.Start(_connectionString, _time, _stopping.Token);
    }

    public async Task<StoredDocument?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        var reader = _readers.TryTake(out var pooled) ? pooled : await SqliteReader.OpenAsync(_connectionString, cancellationToken);
        try
        {
            return await reader.ReadAsync(key, cancellationToken);
        }
        catch
        {
            await reader.DisposeAsync();
            throw;
        }
        finally
        {
            if (reader.IsOpen) _readers.Add(reader);
        }
    }

    public async Task<string> WriteAsync(string key, string json, string? ifMatch, CancellationToken cancellationToken)
    {
        var etag = Guid.NewGuid().ToString("N");
        var now = _time.GetUtcNow().ToString("O");
        var written = await UnderWriterAsync(w => ifMatch is null ? w.InsertAsync(key, json, etag, now, cancellationToken) : w.UpdateAsync(key, json, etag, now, ifMatch, cancellationToken), cancellationToken);
        if (!written) throw new ConcurrencyConflictException(key);
        _checkpointer?.NoteWrite();
        return etag;
    }

    public async Task<bool> DeleteAsync(string key, string? ifMatch, CancellationToken cancellationToken)
    {
        if (await UnderWriterAsync(w => w.DeleteAsync(key, ifMatch, cancellationToken), cancellationToken))
        {
            _checkpointer?.NoteWrite();
            return true;
        }
        if (ifMatch is not null && await ReadAsync(key, cancellationToken) is not null) throw new ConcurrencyConflictException(key);
        return false;
    }

    public async IAsyncEnumerable<ListedDocument> ListAsync(string prefix, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Keys compare as UTF-8 bytes: every key that starts with the prefix sorts between it and the prefix followed by
        // the highest code point.
        var after = prefix;
        var inclusive = true;
        while (true)
        {
            var page = new List<ListedDocument>(ListPageSize);
            await using (var connection = await SqliteConnections.OpenAsync(_connectionString, cancellationToken))
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = $"SELECT key, json, etag, updated_at FROM documents WHERE key {(inclusive ? ">=" : ">")} $after AND key < $end ORDER BY key LIMIT {ListPageSize}";
                command.Parameters.AddWithValue("$after", after);
                command.Parameters.AddWithValue("$end", prefix + char.ConvertFromUtf32(0x10FFFF));
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                    page.Add(new ListedDocument(reader.GetString(0), reader.GetString(1), reader.GetString(2), DateTimeOffset.Parse(reader.GetString(3), System.Globalization.CultureInfo.InvariantCulture)));
            }
            foreach (var document in page) yield return document;
            if (page.Count < ListPageSize) yield break;
            (after, inclusive) = (page[^1].Key, false);
        }
    }

    private const int ListPageSize = 200;

    public async Task<bool> IsReachableAsync(CancellationToken cancellationToken)
    {
        try
        {
            await ReadAsync("", cancellationToken);
            return _writer is not null;
        }
        catch (SqliteException) { return false; }
    }

    /// <summary>Runs <paramref name="work"/> on the writing connection, in turn with every other write.</summary>
    internal async Task<T> OnWriterAsync<T>(Func<SqliteConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        var result = await UnderWriterAsync(writer => work(writer.Connection), cancellationToken);
        _checkpointer?.NoteWrite();
        return result;
    }

    private async Task<T> UnderWriterAsync<T>(Func<SqliteWriter, Task<T>> write, CancellationToken cancellationToken)
    {
        var writer = _writer ?? throw new InvalidOperationException("The store is not initialised: call InitializeAsync at start-up.");
        await _writerGate.WaitAsync(cancellationToken);
        try { return await write(writer); }
        finally { _writerGate.Release(); }
    }

    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested) return;
        await _stopping.CancelAsync();
        if (_checkpointer is not null) await _checkpointer.DisposeAsync();
        if (_writer is not null) await _writer.DisposeAsync();
        while (_readers.TryTake(out var reader)) await reader.DisposeAsync();
    }
}
