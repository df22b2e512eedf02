using System.Data.Common;

namespace AiCoachBot.Infrastructure.Storage;

/// <summary>
/// The job table in PostgreSQL, shared by every instance. A claim locks the rows it picks and passes over rows another
/// instance's claim holds (<c>FOR UPDATE SKIP LOCKED</c>), so instances claiming together split the due jobs between them.
/// </summary>
public sealed class PostgresNudgeJobs(PostgresDocumentStore store) : NudgeJobTable
{
    protected override async Task<T> RunAsync<T>(Func<DbConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await store.Source.OpenConnectionAsync(cancellationToken);
        return await work(connection);
    }

    protected override object ToDatabase(DateTimeOffset instant) => instant.ToUniversalTime();

    protected override DateTimeOffset InstantAt(DbDataReader reader, int ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal);

    protected override string SkipLocked => " FOR UPDATE SKIP LOCKED";
}
