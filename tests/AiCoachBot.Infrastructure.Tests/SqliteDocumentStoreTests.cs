using AiCoachBot.Coaching.State;
using Microsoft.Data.Sqlite;

namespace AiCoachBot.Infrastructure.Tests;

/// <summary>The embedded store: the contract, and what is its own (a file that survives restarts and refuses a newer schema).</summary>
public sealed class SqliteDocumentStoreTests : DocumentStoreContract, IAsyncLifetime
{
    private readonly TempDatabase _db = new();

    protected override async Task<IDocumentStore> OpenAsync() => await _db.OpenAsync();

    protected override async Task<IDocumentStore> OpenAnotherAsync() => await _db.OpenAsync();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Data_SurvivesARestart()
    {
        await using var db = new TempDatabase();
        var before = await db.OpenAsync();
        await before.WriteAsync("k", """{"kept":true}""", null, None);
        await before.DisposeAsync();
        var after = await db.OpenAsync();
        Assert.Equal("""{"kept":true}""", (await after.ReadAsync("k", None))!.Json);
    }

    [Fact]
    public async Task Initialize_IsIdempotent_AndCreatesTheFile()
    {
        await using var db = new TempDatabase();
        var store = await db.OpenAsync();
        await store.InitializeAsync(None);
        Assert.True(File.Exists(db.Path));
        Assert.True(await store.IsReachableAsync(None));
    }

    [Fact]
    public async Task DatabaseFromANewerVersion_IsRefusedWithAClearMessage()
    {
        await using var db = new TempDatabase();
        await using (var connection = new SqliteConnection($"Data Source={db.Path};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA user_version = 99;";
            await command.ExecuteNonQueryAsync();
        }
        var store = new Infrastructure.Storage.SqliteDocumentStore(db.Path, TimeProvider.System);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => store.InitializeAsync(None));
        Assert.Contains("newer version of AiCoachBot", error.Message);
    }

    [Fact]
    public async Task ANulCharacter_IsStoredVerbatim()
    {
        var store = await _db.OpenAsync();
        const string json = """{"text":"a\u0000b"}""";
        await store.WriteAsync("k", json, null, None);
        Assert.Equal(json, (await store.ReadAsync("k", None))!.Json);
    }
}
