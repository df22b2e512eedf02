using System.Data.Common;

namespace AiCoachBot.Infrastructure.Storage;

/// <summary>
/// The job table in the embedded database, on its one writing connection: SQLite runs one write at a time, so a
/// claim is atomic without row locks. Instants are Unix milliseconds, which compare as numbers.
/// </summary>
public sealed class SqliteNudgeJobs(SqliteDocumentStore store) : NudgeJobTable
{
    protected override Task<T> RunAsync<T>(Func<DbConnection, Task<T>> work, CancellationToken cancellationToken) =>
        store.OnWriterAsync(work, cancellationToken);

    protected override object ToDatabase(DateTimeOffset instant) => instant.ToUnixTimeMilliseconds();

    protected override DateTimeOffset InstantAt(DbDataReader reader, int ordinal) => DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(ordinal));

    protected override string SkipLocked => "";
}
