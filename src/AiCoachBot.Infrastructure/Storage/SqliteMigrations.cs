using Microsoft.Data.Sqlite;

namespace AiCoachBot.Infrastructure.Storage;

/// <summary>Numbered schema steps; <c>PRAGMA user_version</c> records how far a database file has come.</summary>
internal static class SqliteMigrations
{
    private static readonly string[] Steps =
    [
        """
        CREATE TABLE IF NOT EXISTS documents (
            key TEXT NOT NULL PRIMARY KEY,
            json TEXT NOT NULL,
            etag TEXT NOT NULL,
            updated_at TEXT NOT NULL
        ) WITHOUT ROWID;
        """,
        // The weekly cards' jobs; the records earlier versions kept as documents move in, so no week is posted twice.
        """
        CREATE TABLE nudge_jobs (
            project_id TEXT NOT NULL,
            week TEXT NOT NULL,
            state TEXT NOT NULL,
            due_at INTEGER NOT NULL,
            late INTEGER NOT NULL,
            not_before INTEGER NOT NULL,
            attempts INTEGER NOT NULL,
            claimed_by TEXT,
            lease_until INTEGER,
            activity_id TEXT,
            conversation_id TEXT,
            sent_at INTEGER,
            problem TEXT,
            reminder_claimed_at INTEGER,
            reminder_sent_at INTEGER,
            version INTEGER NOT NULL,
            PRIMARY KEY (project_id, week)
        ) WITHOUT ROWID;
        CREATE INDEX nudge_jobs_pending ON nudge_jobs (not_before) WHERE state = 'pending';
        CREATE INDEX nudge_jobs_leased ON nudge_jobs (lease_until) WHERE state IN ('claimed', 'sending');
        INSERT INTO nudge_jobs
        SELECT json ->> '$.projectId', json ->> '$.week',
               CASE json ->> '$.state' WHEN 'Retry' THEN 'pending' WHEN 'Claimed' THEN 'unknown' ELSE lower(json ->> '$.state') END,
               CAST(round(unixepoch(json ->> '$.dueAt', 'subsec') * 1000) AS INTEGER),
               coalesce(json ->> '$.late', 0),
               CAST(round(unixepoch(coalesce(json ->> '$.nextAttemptAt', json ->> '$.dueAt'), 'subsec') * 1000) AS INTEGER),
               coalesce(json ->> '$.attempts', 0), json ->> '$.claimedBy', NULL, json ->> '$.activityId', json ->> '$.conversationId',
               CAST(round(unixepoch(json ->> '$.sentAt', 'subsec') * 1000) AS INTEGER), json ->> '$.problem',
               CAST(round(unixepoch(json ->> '$.reminderClaimedAt', 'subsec') * 1000) AS INTEGER),
               CAST(round(unixepoch(json ->> '$.reminderSentAt', 'subsec') * 1000) AS INTEGER),
               0
        FROM documents WHERE key LIKE 'nudge/%' AND json_valid(json);
        DELETE FROM documents WHERE key LIKE 'nudge/%';
        """,
        // SQLite uses a partial index only when it can prove the query's condition implies the index's, which it cannot for
        // "state IN (...)": plain indexes on (state, time) serve every claim and expiry instead.
        """
        DROP INDEX IF EXISTS nudge_jobs_pending;
        DROP INDEX IF EXISTS nudge_jobs_leased;
        CREATE INDEX nudge_jobs_state_time ON nudge_jobs (state, not_before);
        CREATE INDEX nudge_jobs_state_lease ON nudge_jobs (state, lease_until);
        """,
    ];

    public static async Task ApplyAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var read = connection.CreateCommand();
        read.CommandText = "PRAGMA user_version;";
        var version = Convert.ToInt32(await read.ExecuteScalarAsync(cancellationToken));
        if (version > Steps.Length)
            throw new InvalidOperationException($"The database {connection.DataSource} was written by a newer version of AiCoachBot (schema {version}, this one knows {Steps.Length}).");
        for (var step = version; step < Steps.Length; step++)
        {
            await using var transaction = connection.BeginTransaction();
            await SqliteConnections.ExecuteAsync(connection, Steps[step], cancellationToken);
            await SqliteConnections.ExecuteAsync(connection, $"PRAGMA user_version = {step + 1};", cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
    }
}
