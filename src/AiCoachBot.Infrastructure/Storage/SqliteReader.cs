using AiCoachBot.Coaching.State;
using Microsoft.Data.Sqlite;

namespace AiCoachBot.Infrastructure.Storage;

/// <summary>A reading connection with its statement prepared once.</summary>
internal sealed class SqliteReader : IAsyncDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _select;

    private SqliteReader(SqliteConnection connection)
    {
        _connection = connection;
        _select = SqliteConnections.Prepared(connection, "SELECT json, etag FROM documents WHERE key = $key", "$key");
    }

    public bool IsOpen { get; private set; } = true;

    public static async Task<SqliteReader> OpenAsync(string connectionString, CancellationToken cancellationToken) =>
        new(await SqliteConnections.OpenAsync(connectionString, cancellationToken));

    public async Task<StoredDocument?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        _select.Parameters[0].Value = key;
        await using var reader = await _select.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new StoredDocument(reader.GetString(0), reader.GetString(1)) : null;
    }

    public async ValueTask DisposeAsync()
    {
        IsOpen = false;
        await _select.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
