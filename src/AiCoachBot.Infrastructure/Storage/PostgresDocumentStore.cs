using AiCoachBot.Coaching.State;
using System.Text.RegularExpressions;
using Npgsql;
using NpgsqlTypes;

namespace AiCoachBot.Infrastructure.Storage;

/// <summary>
/// The shared store for several instances: documents as jsonb in PostgreSQL, with the same contract as the embedded
/// one. Every write names the ETag it read (a random one per write, so a document deleted and created again never
/// matches an ETag read before) and changes the row only if it still carries it; otherwise the caller decides again
/// from a fresh read.
/// </summary>
public sealed partial class PostgresDocumentStore(NpgsqlDataSource source, TimeProvider time) : IDocumentStore, IStoreStartup, IAsyncDisposable
{
    public static PostgresDocumentStore Open(string connectionString, TimeProvider time) =>
        new(new NpgsqlDataSourceBuilder(connectionString) { Name = "AiCoachBot" }.Build(), time);

    /// <summary>The store as configured: with Entra ID, each new connection signs in with a token for the service's identity.</summary>
    public static PostgresDocumentStore Open(StorageOptions options, TimeProvider time)
    {
        var builder = new NpgsqlDataSourceBuilder(options.PostgresConnectionString) { Name = "AiCoachBot" };
        if (options.PostgresEntraAuthentication) PostgresEntraToken.Use(builder, options.PostgresManagedIdentityClientId);
        return new(builder.Build(), time);
    }

    internal NpgsqlDataSource Source => source;

    public Task InitializeAsync(CancellationToken cancellationToken) => PostgresMigrations.ApplyAsync(source, cancellationToken);

    public async Task<StoredDocument?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        await using var command = source.CreateCommand("SELECT json::text, etag FROM documents WHERE key = $1;");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new StoredDocument(reader.GetString(0), reader.GetString(1)) : null;
    }

    public async Task<string> WriteAsync(string key, string json, string? ifMatch, CancellationToken cancellationToken)
    {
        var etag = Guid.NewGuid().ToString("N");
        await using var command = ifMatch is null
            ? source.CreateCommand("INSERT INTO documents (key, json, etag, updated_at) VALUES ($1, $2, $3, $4) ON CONFLICT (key) DO NOTHING;")
            : source.CreateCommand("UPDATE documents SET json = $2, etag = $3, updated_at = $4 WHERE key = $1 AND etag = $5;");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = WithoutNul(json), NpgsqlDbType = NpgsqlDbType.Jsonb });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = etag });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = time.GetUtcNow() });
        if (ifMatch is not null) command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = ifMatch });
        if (await command.ExecuteNonQueryAsync(cancellationToken) == 0) throw new ConcurrencyConflictException(key);
        return etag;
    }

    public async Task<bool> DeleteAsync(string key, string? ifMatch, CancellationToken cancellationToken)
    {
        await using var command = ifMatch is null
            ? source.CreateCommand("DELETE FROM documents WHERE key = $1;")
            : source.CreateCommand("DELETE FROM documents WHERE key = $1 AND etag = $2;");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key });
        if (ifMatch is not null) command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = ifMatch });
        if (await command.ExecuteNonQueryAsync(cancellationToken) > 0) return true;
        if (ifMatch is not null && await ReadAsync(key, cancellationToken) is not null) throw new ConcurrencyConflictException(key);
        return false;
    }

    public async IAsyncEnumerable<ListedDocument> ListAsync(string prefix, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // In byte order (COLLATE "C", as the key index is), so that a page ends where the next one starts whatever the
        // database's collation; LIKE with a literal prefix uses that index.
        var pattern = LikeLiteral().Replace(prefix, @"\$0") + "%";
        string? after = null;
        while (true)
        {
            await using var command = source.CreateCommand(
                "SELECT key, json::text, etag, updated_at FROM documents WHERE key LIKE $1 AND ($2::text IS NULL OR key COLLATE \"C\" > $2) ORDER BY key COLLATE \"C\" LIMIT " + ListPageSize + ";");
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = pattern });
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)after ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            var page = new List<ListedDocument>(ListPageSize);
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                    page.Add(new ListedDocument(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3)));
            }
            foreach (var document in page) yield return document;
            if (page.Count < ListPageSize) yield break;
            after = page[^1].Key;
        }
    }

    private const int ListPageSize = 200;

    [GeneratedRegex(@"[\\%_]")]
    private static partial Regex LikeLiteral();

    public async Task<bool> IsReachableAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var command = source.CreateCommand("SELECT 1 FROM documents LIMIT 1;");
            await command.ExecuteScalarAsync(cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException) { return false; }
    }

    public ValueTask DisposeAsync() => source.DisposeAsync();

    /// <summary>
    /// jsonb cannot hold a NUL character: an escaped one (<c>\u0000</c>, not preceded by an escaping backslash) becomes
    /// U+FFFD, so that hostile text is stored rather than failing the turn.
    /// </summary>
    public static string WithoutNul(string json) => json.Contains("\\u0000", StringComparison.Ordinal) ? Nul().Replace(json, "\\ufffd") : json;

    [GeneratedRegex(@"(?<=(?:^|[^\\])(?:\\\\)*)\\u0000")]
    private static partial Regex Nul();
}
