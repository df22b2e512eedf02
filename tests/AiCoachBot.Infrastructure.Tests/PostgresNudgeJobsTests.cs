using AiCoachBot.Coaching.Nudges;
using AiCoachBot.Infrastructure.Storage;
using Npgsql;

namespace AiCoachBot.Infrastructure.Tests;

/// <summary>The weekly cards' job table on a real PostgreSQL server, where claims skip each other's locked rows.</summary>
public sealed class PostgresNudgeJobsTests(PostgresServer server) : NudgeJobsContract, IClassFixture<PostgresServer>, IAsyncLifetime
{
    private PostgresDatabase _database = null!;

    public async Task InitializeAsync() => _database = await PostgresDatabase.CreateAsync(server);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    protected override Task<INudgeJobs> OpenAsync() => OpenAnotherAsync();

    protected override async Task<INudgeJobs> OpenAnotherAsync() => NudgeJobTable.Of(await _database.OpenAsync());

    protected override async Task<INudgeJobs> UpgradeWithDocumentAsync(string key, string json)
    {
        await using (var connection = new NpgsqlConnection(_database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("""
                CREATE TABLE schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now());
                INSERT INTO schema_migrations (version) VALUES (1);
                CREATE TABLE documents (key text PRIMARY KEY, json jsonb NOT NULL, etag text NOT NULL, updated_at timestamptz NOT NULL);
                INSERT INTO documents VALUES (@key, @json::jsonb, 'e', now());
                """, connection);
            command.Parameters.AddWithValue("key", key);
            command.Parameters.AddWithValue("json", json);
            await command.ExecuteNonQueryAsync();
        }
        var store = await _database.OpenAsync();
        Assert.Null(await store.ReadAsync(key, None));
        return NudgeJobTable.Of(store);
    }
}
