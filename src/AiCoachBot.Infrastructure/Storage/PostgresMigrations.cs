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
        // The weekly cards' jobs; the records earlier versions kept as documents move in, so no week is posted twice.
        """
        CREATE TABLE nudge_jobs (
            project_id text NOT NULL,
            week text NOT NULL,
            state text NOT NULL,
            due_at timestamptz NOT NULL,
            late boolean NOT NULL,
            not_before timestamptz NOT NULL,
            attempts integer NOT NULL,
            claimed_by text,
            lease_until timestamptz,
            activity_id text,
            conversation_id text,
            sent_at timestamptz,
            problem text,
            reminder_claimed_at timestamptz,
            reminder_sent_at timestamptz,
            version bigint NOT NULL,
            PRIMARY KEY (project_id, week)
        );
        CREATE INDEX nudge_jobs_pending ON nudge_jobs (not_before) WHERE state = 'pending';
        CREATE INDEX nudge_jobs_leased ON nudge_jobs (lease_until) WHERE state IN ('claimed', 'sending');
        INSERT INTO nudge_jobs
        SELECT json ->> 'projectId', json ->> 'week',
               CASE json ->> 'state' WHEN 'Retry' THEN 'pending' WHEN 'Claimed' THEN 'unknown' ELSE lower(json ->> 'state') END,
               (json ->> 'dueAt')::timestamptz, coalesce((json ->> 'late')::boolean, false),
               coalesce(json ->> 'nextAttemptAt', json ->> 'dueAt')::timestamptz,
               coalesce((json ->> 'attempts')::integer, 0), json ->> 'claimedBy', NULL, json ->> 'activityId', json ->> 'conversationId',
               (json ->> 'sentAt')::timestamptz, json ->> 'problem', (json ->> 'reminderClaimedAt')::timestamptz, (json ->> 'reminderSentAt')::timestamptz,
               0
        FROM documents WHERE key LIKE 'nudge/%';
        DELETE FROM documents WHERE key LIKE 'nudge/%';
        """,
        // Listings by key prefix (privacy requests, retention) in byte order, whatever the database's collation.
        """
        CREATE INDEX documents_key_bytes ON documents (key COLLATE "C");
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
