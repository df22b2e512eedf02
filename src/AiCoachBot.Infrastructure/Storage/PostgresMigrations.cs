using Npgsql;

namespace AiCoachBot.Infrastructure.Storage;

/// <summary>
/// Numbered schema steps, recorded in <c>schema_migrations</c>. Instances starting together take turns on an advisory
/// lock, so each step runs once; a database that a newer version migrated further is refused, never downgraded.
/// </summary>
internal static class PostgresMigrations
{
    /// <summary>Any number, fixed forever: the lock all instances agree on while migrating.</summary>
    private const long LockId = 7_171_901_001;

    private static readonly string[] Steps =
    [
        """
        CREATE TABLE documents (
            key text PRIMARY KEY,
            json jsonb NOT NULL,
            etag text NOT NULL,
            updated_at timestamptz NOT NULL
        );
        """,
    ];

    public static async Task ApplyAsync(NpgsqlDataSource source, CancellationToken cancellationToken)
    {
        await using var connection = await source.OpenConnectionAsync(cancellationToken);
        // Up to date: no DDL at all, so a role that may only read and write (no CREATE on the schema) starts too.
        if (await CurrentAsync(connection, null, cancellationToken) is var known && known >= Steps.Length)
        {
            if (known > Steps.Length) throw Newer(known);
            return;
        }
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({LockId});", cancellationToken);
        await ExecuteAsync(connection, transaction, "CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now());", cancellationToken);
        var current = await CurrentAsync(connection, transaction, cancellationToken);
        if (current > Steps.Length) throw Newer(current);
        for (var step = current; step < Steps.Length; step++)
        {
            await ExecuteAsync(connection, transaction, Steps[step], cancellationToken);
            await ExecuteAsync(connection, transaction, $"INSERT INTO schema_migrations (version) VALUES ({step + 1});", cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The schema version recorded, 0 for a database never migrated.</summary>
    private static async Task<int> CurrentAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        // Two statements: a query naming a missing table fails when planned, whatever a CASE around it says.
        await using var exists = new NpgsqlCommand("SELECT to_regclass('schema_migrations') IS NOT NULL;", connection, transaction);
        if (await exists.ExecuteScalarAsync(cancellationToken) is not true) return 0;
        await using var read = new NpgsqlCommand("SELECT coalesce(max(version), 0) FROM schema_migrations;", connection, transaction);
        return Convert.ToInt32(await read.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static InvalidOperationException Newer(int version) =>
        new($"The PostgreSQL database is at schema version {version}, made by a newer version of AiCoachBot (this one knows {Steps.Length}): run that version, or point Storage:PostgresConnectionString at another database.");

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
