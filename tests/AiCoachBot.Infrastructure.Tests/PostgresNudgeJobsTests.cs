using AiCoachBot.Coaching.Nudges;
using AiCoachBot.Infrastructure.Storage;
using Npgsql;

namespace AiCoachBot.Infrastructure.Tests;

/// <summary>The weekly cards' job table on a real PostgreSQL server, where claims skip each other's locked rows.</summary>
public sealed class PostgresNudgeJobsTests(PostgresServer server) : NudgeJobsContract, IClassFixture<PostgresServer>, IAsyncLifetime
{
    private readonly System.Collections.Concurrent.ConcurrentBag<PostgresDocumentStore> _opened = [];
    private string _database = "";

    public async Task InitializeAsync() => _database = await server.CreateDatabaseAsync();

    public async Task DisposeAsync()
    {
        foreach (var store in _opened) await store.DisposeAsync();
    }

    protected override Task<INudgeJobs> OpenAsync() => OpenAnotherAsync();

    protected override async Task<INudgeJobs> OpenAnotherAsync() => NudgeJobTable.Of(await OpenStoreAsync());

    protected override async Task<INudgeJobs> UpgradeWithDocumentAsync(string key, string json)
    {
        await using (var connection = new NpgsqlConnection(_database))
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
        var store = await OpenStoreAsync();
        Assert.Null(await store.ReadAsync(key, None));
        return NudgeJobTable.Of(store);
    }

    private async Task<PostgresDocumentStore> OpenStoreAsync()
    {
        var store = PostgresDocumentStore.Open(_database, TimeProvider.System);
        _opened.Add(store);
        await store.InitializeAsync(None);
        return store;
    }
}
