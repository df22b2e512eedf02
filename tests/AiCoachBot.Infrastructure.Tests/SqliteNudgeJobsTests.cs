using AiCoachBot.Coaching.Nudges;
using AiCoachBot.Infrastructure.Storage;
using Microsoft.Data.Sqlite;

namespace AiCoachBot.Infrastructure.Tests;

/// <summary>The weekly cards' job table in the embedded database.</summary>
public sealed class SqliteNudgeJobsTests : NudgeJobsContract, IAsyncLifetime
{
    private readonly TempDatabase _db = new();

    protected override async Task<INudgeJobs> OpenAsync() => NudgeJobTable.Of(await _db.OpenAsync());

    protected override async Task<INudgeJobs> OpenAnotherAsync() => NudgeJobTable.Of(await _db.OpenAsync());

    protected override async Task<INudgeJobs> UpgradeWithDocumentAsync(string key, string json)
    {
        await using (var connection = new SqliteConnection($"Data Source={_db.Path};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE documents (key TEXT NOT NULL PRIMARY KEY, json TEXT NOT NULL, etag TEXT NOT NULL, updated_at TEXT NOT NULL) WITHOUT ROWID;
                INSERT INTO documents VALUES ($key, $json, 'e', '2026-11-30');
                PRAGMA user_version = 1;
                """;
            command.Parameters.AddWithValue("$key", key);
            command.Parameters.AddWithValue("$json", json);
            await command.ExecuteNonQueryAsync();
        }
        var store = await _db.OpenAsync();
        Assert.Null(await store.ReadAsync(key, None));
        return NudgeJobTable.Of(store);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _db.DisposeAsync();
}
