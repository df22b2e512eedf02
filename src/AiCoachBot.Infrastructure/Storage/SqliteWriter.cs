using Microsoft.Data.Sqlite;

namespace AiCoachBot.Infrastructure.Storage;

/// <summary>The one writing connection; its caller makes sure one write runs at a time.</summary>
internal sealed class SqliteWriter(SqliteConnection connection) : IAsyncDisposable
{
    private readonly SqliteCommand _insert = SqliteConnections.Prepared(connection,
        "INSERT INTO documents (key, json, etag, updated_at) VALUES ($key, $json, $etag, $now) ON CONFLICT(key) DO NOTHING", "$key", "$json", "$etag", "$now");
    private readonly SqliteCommand _update = SqliteConnections.Prepared(connection,
        "UPDATE documents SET json = $json, etag = $etag, updated_at = $now WHERE key = $key AND etag = $ifMatch", "$key", "$json", "$etag", "$now", "$ifMatch");
    private readonly SqliteCommand _delete = SqliteConnections.Prepared(connection, "DELETE FROM documents WHERE key = $key", "$key");
    private readonly SqliteCommand _deleteIfMatch = SqliteConnections.Prepared(connection, "DELETE FROM documents WHERE key = $key AND etag = $ifMatch", "$key", "$ifMatch");

    public SqliteConnection Connection => connection;

    public Task<bool> InsertAsync(string key, string json, string etag, string now, CancellationToken cancellationToken) =>
        RunAsync(_insert, cancellationToken, key, json, etag, now);

    public Task<bool> UpdateAsync(string key, string json, string etag, string now, string ifMatch, CancellationToken cancellationToken) =>
        RunAsync(_update, cancellationToken, key, json, etag, now, ifMatch);

    public Task<bool> DeleteAsync(string key, string? ifMatch, CancellationToken cancellationToken) =>
        ifMatch is null ? RunAsync(_delete, cancellationToken, key) : RunAsync(_deleteIfMatch, cancellationToken, key, ifMatch);

    private static async Task<bool> RunAsync(SqliteCommand command, CancellationToken cancellationToken, params string[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i];
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in new[] { _insert, _update, _delete, _deleteIfMatch }) await command.DisposeAsync();
        await connection.DisposeAsync();
    }
}
