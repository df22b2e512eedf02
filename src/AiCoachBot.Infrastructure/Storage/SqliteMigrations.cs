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
