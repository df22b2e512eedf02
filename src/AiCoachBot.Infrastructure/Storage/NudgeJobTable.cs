using System.Data.Common;
using AiCoachBot.Coaching.Nudges;
using AiCoachBot.Coaching.State;

namespace AiCoachBot.Infrastructure.Storage;

/// <summary>
/// The <c>nudge_jobs</c> table, in the same SQL on both engines; they differ in how a command reaches the database,
/// how an instant is stored, and whether a claim may skip rows another transaction has locked. Every change is one
/// statement, so a job's step and its record are one commit.
/// </summary>
public abstract class NudgeJobTable : INudgeJobs
{
    private const string Columns =
        "project_id, week, state, due_at, late, not_before, attempts, claimed_by, lease_until, activity_id, conversation_id, sent_at, problem, reminder_claimed_at, reminder_sent_at, version";

    private const string Values =
        "@project, @week, @state, @due_at, @late, @not_before, @attempts, @claimed_by, @lease_until, @activity_id, @conversation_id, @sent_at, @problem, @reminder_claimed_at, @reminder_sent_at, @version";

    private const string Claim = "state = 'claimed', claimed_by = @instance, lease_until = @lease, version = version + 1";

    /// <summary>The job table of the store the service runs on.</summary>
    public static INudgeJobs Of(IDocumentStore store) => store switch
    {
        PostgresDocumentStore postgres => new PostgresNudgeJobs(postgres),
        SqliteDocumentStore sqlite => new SqliteNudgeJobs(sqlite),
        _ => throw new ArgumentException($"No job table for a {store.GetType().Name}.", nameof(store)),
    };

    /// <summary>Runs <paramref name="work"/> on a connection to the database (each command commits on its own).</summary>
    protected abstract Task<T> RunAsync<T>(Func<DbConnection, Task<T>> work, CancellationToken cancellationToken);

    protected abstract object ToDatabase(DateTimeOffset instant);

    protected abstract DateTimeOffset InstantAt(DbDataReader reader, int ordinal);

    /// <summary>Said after the claim's row selection, so that instances claiming together pass each other's rows by.</summary>
    protected abstract string SkipLocked { get; }

    public Task<bool> PlanAsync(NudgeRecord job, CancellationToken cancellationToken) =>
        RunAsync(async connection =>
        {
            await using var command = Command(connection, $"INSERT INTO nudge_jobs ({Columns}) VALUES ({Values}) ON CONFLICT (project_id, week) DO NOTHING;");
            Bind(command, job);
            return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
        }, cancellationToken);

    public Task<IReadOnlyList<NudgeRecord>> ClaimDueAsync(string instance, DateTimeOffset now, DateTimeOffset leaseUntil, int max, CancellationToken cancellationToken) =>
        RunAsync(async connection =>
        {
            await using var command = Command(connection, $"""
                WITH due AS MATERIALIZED (
                    SELECT project_id, week FROM nudge_jobs
                    WHERE (state = 'pending' AND not_before <= @now) OR (state = 'claimed' AND lease_until <= @now)
                    ORDER BY not_before LIMIT @max{SkipLocked})
                UPDATE nudge_jobs SET {Claim}
                WHERE (project_id, week) IN (SELECT project_id, week FROM due)
                RETURNING {Columns};
                """);
            Add(command, "@instance", instance);
            Add(command, "@lease", ToDatabase(leaseUntil));
            Add(command, "@now", ToDatabase(now));
            Add(command, "@max", max);
            return await ReadAllAsync(command, cancellationToken);
        }, cancellationToken);

    public Task<NudgeRecord?> ClaimAsync(string projectId, string week, string instance, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken) =>
        RunAsync(async connection =>
        {
            await using var command = Command(connection, $"""
                UPDATE nudge_jobs SET {Claim}
                WHERE project_id = @project AND week = @week
                  AND (state IN ('pending', 'failed', 'unknown') OR (state = 'claimed' AND lease_until <= @now))
                RETURNING {Columns};
                """);
            Add(command, "@project", projectId);
            Add(command, "@week", week);
            Add(command, "@instance", instance);
            Add(command, "@lease", ToDatabase(leaseUntil));
            Add(command, "@now", ToDatabase(now));
            return (await ReadAllAsync(command, cancellationToken)).SingleOrDefault();
        }, cancellationToken);

    public Task<NudgeRecord?> ReplaceAsync(NudgeRecord changed, CancellationToken cancellationToken) =>
        RunAsync(async connection =>
        {
            await using var command = Command(connection, $"""
                UPDATE nudge_jobs SET ({Columns}) = ({Values.Replace("@version", "version + 1", StringComparison.Ordinal)})
                WHERE project_id = @project AND week = @week AND version = @version
                RETURNING {Columns};
                """);
            Bind(command, changed);
            return (await ReadAllAsync(command, cancellationToken)).SingleOrDefault();
        }, cancellationToken);

    public Task<bool> WithdrawAsync(NudgeRecord job, CancellationToken cancellationToken) =>
        RunAsync(async connection =>
        {
            await using var command = Command(connection, "DELETE FROM nudge_jobs WHERE project_id = @project AND week = @week AND version = @version;");
            Add(command, "@project", job.ProjectId);
            Add(command, "@week", job.Week);
            Add(command, "@version", job.Version);
            return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
        }, cancellationToken);

    public Task<IReadOnlyList<NudgeRecord>> ExpireSendingAsync(DateTimeOffset now, string problem, CancellationToken cancellationToken) =>
        RunAsync(async connection =>
        {
            await using var command = Command(connection, $"""
                UPDATE nudge_jobs SET state = 'unknown', problem = @problem, lease_until = NULL, version = version + 1
                WHERE state = 'sending' AND lease_until <= @now
                RETURNING {Columns};
                """);
            Add(command, "@problem", problem);
            Add(command, "@now", ToDatabase(now));
            return await ReadAllAsync(command, cancellationToken);
        }, cancellationToken);

    public Task<NudgeRecord?> FindAsync(string projectId, string week, CancellationToken cancellationToken) =>
        RunAsync(async connection =>
        {
            await using var command = Command(connection, $"SELECT {Columns} FROM nudge_jobs WHERE project_id = @project AND week = @week;");
            Add(command, "@project", projectId);
            Add(command, "@week", week);
            return (await ReadAllAsync(command, cancellationToken)).SingleOrDefault();
        }, cancellationToken);

    public Task<int> PurgeSettledAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        RunAsync(async connection =>
        {
            await using var command = Command(connection, "DELETE FROM nudge_jobs WHERE state IN ('sent', 'failed', 'unknown') AND due_at < @before;");
            Add(command, "@before", ToDatabase(before));
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    private static DbCommand Command(DbConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    private static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    private void Bind(DbCommand command, NudgeRecord job)
    {
        Add(command, "@project", job.ProjectId);
        Add(command, "@week", job.Week);
        Add(command, "@state", StateName(job.State));
        Add(command, "@due_at", ToDatabase(job.DueAt));
        Add(command, "@late", job.Late);
        Add(command, "@not_before", ToDatabase(job.NotBefore));
        Add(command, "@attempts", job.Attempts);
        Add(command, "@claimed_by", job.ClaimedBy);
        Add(command, "@lease_until", Optional(job.LeaseUntil));
        Add(command, "@activity_id", job.ActivityId);
        Add(command, "@conversation_id", job.ConversationId);
        Add(command, "@sent_at", Optional(job.SentAt));
        Add(command, "@problem", job.Problem);
        Add(command, "@reminder_claimed_at", Optional(job.ReminderClaimedAt));
        Add(command, "@reminder_sent_at", Optional(job.ReminderSentAt));
        Add(command, "@version", job.Version);
    }

    private object? Optional(DateTimeOffset? instant) => instant is { } at ? ToDatabase(at) : null;

    private async Task<IReadOnlyList<NudgeRecord>> ReadAllAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var jobs = new List<NudgeRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            jobs.Add(new NudgeRecord(
                reader.GetString(0), reader.GetString(1), Enum.Parse<NudgeState>(reader.GetString(2), ignoreCase: true),
                InstantAt(reader, 3), reader.GetBoolean(4), InstantAt(reader, 5), reader.GetInt32(6),
                Text(reader, 7), OptionalInstant(reader, 8), Text(reader, 9), Text(reader, 10), OptionalInstant(reader, 11), Text(reader, 12),
                OptionalInstant(reader, 13), OptionalInstant(reader, 14), reader.GetInt64(15)));
        }
        return jobs;
    }

    private static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private DateTimeOffset? OptionalInstant(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : InstantAt(reader, ordinal);

    private static string StateName(NudgeState state) => state.ToString().ToLowerInvariant();
}
