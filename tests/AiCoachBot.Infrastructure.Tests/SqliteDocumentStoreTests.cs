using System.Text.Json.Serialization;
using AiCoachBot.Coaching.State;
using Microsoft.Data.Sqlite;

namespace AiCoachBot.Infrastructure.Tests;

public sealed class SqliteDocumentStoreTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Write_ThenRead_ReturnsTheDocumentAndItsETag()
    {
        await using var db = new TempDatabase();
        var store = await db.OpenAsync();
        var etag = await store.WriteAsync("k", """{"a":1}""", ifMatch: null, None);
        var read = await store.ReadAsync("k", None);
        Assert.Equal("""{"a":1}""", read!.Json);
        Assert.Equal(etag, read.ETag);
        Assert.Null(await store.ReadAsync("missing", None));
    }

    [Fact]
    public async Task Create_WhenTheDocumentExists_IsAConflict()
    {
        await using var db = new TempDatabase();
        var store = await db.OpenAsync();
        await store.WriteAsync("k", "{}", null, None);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.WriteAsync("k", """{"b":2}""", null, None));
        Assert.Equal("{}", (await store.ReadAsync("k", None))!.Json);
    }

    [Fact]
    public async Task Update_WithAStaleETag_IsAConflict_AndChangesNothing()
    {
        await using var db = new TempDatabase();
        var store = await db.OpenAsync();
        var first = await store.WriteAsync("k", """{"v":1}""", null, None);
        var second = await store.WriteAsync("k", """{"v":2}""", first, None);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.WriteAsync("k", """{"v":3}""", first, None));
        var read = await store.ReadAsync("k", None);
        Assert.Equal("""{"v":2}""", read!.Json);
        Assert.Equal(second, read.ETag);
    }

    [Fact]
    public async Task DocumentDeletedAndCreatedAgain_DoesNotMatchAnETagReadBefore()
    {
        await using var db = new TempDatabase();
        var store = await db.OpenAsync();
        var old = await store.WriteAsync("k", """{"v":1}""", null, None);
        Assert.True(await store.DeleteAsync("k", old, None));
        await store.WriteAsync("k", """{"v":"new"}""", null, None);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.WriteAsync("k", """{"v":"lost"}""", old, None));
    }

    [Fact]
    public async Task Delete_HonoursTheETag()
    {
        await using var db = new TempDatabase();
        var store = await db.OpenAsync();
        var etag = await store.WriteAsync("k", "{}", null, None);
        await store.WriteAsync("k", "[]", etag, None);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.DeleteAsync("k", etag, None));
        Assert.True(await store.DeleteAsync("k", null, None));
        Assert.False(await store.DeleteAsync("k", null, None));
    }

    [Fact]
    public async Task TwoWriters_OneWins_TheOtherRetriesFromAFreshRead_AndNoIncrementIsLost()
    {
        await using var db = new TempDatabase();
        var store = await db.OpenAsync();
        var counter = StoreJson.Default.Counter;

        async Task IncrementAsync() => await store.UpdateAsync("counter", counter,
            current => Change<Counter, int>.Save(new Counter((current?.Value ?? 0) + 1), 0), None);

        await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 100; i++) await IncrementAsync();
        })));

        var final = await store.ReadAsync("counter", counter, None);
        Assert.Equal(200, final!.Value.Value);
    }

    [Fact]
    public async Task TwoStoresOnOneFile_StillNeverLoseAWrite()
    {
        await using var db = new TempDatabase();
        var first = await db.OpenAsync();
        var second = await db.OpenAsync();
        var counter = StoreJson.Default.Counter;
        await Task.WhenAll(new[] { first, second }.Select(store => Task.Run(async () =>
        {
            for (var i = 0; i < 50; i++)
                await store.UpdateAsync("counter", counter, c => Change<Counter, int>.Save(new Counter((c?.Value ?? 0) + 1), 0), None);
        })));
        Assert.Equal(100, (await first.ReadAsync("counter", counter, None))!.Value.Value);
    }

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
    public async Task KeysAndValues_WithHostileCharacters_AreStoredVerbatim()
    {
        await using var db = new TempDatabase();
        var store = await db.OpenAsync();
        const string key = "session/t'1/19:a@thread.tacv2;messageid=1/'; DROP TABLE documents; --";
        const string json = """{"text":"Robert'); DROP TABLE documents;-- \u0000 é 🚀"}""";
        await store.WriteAsync(key, json, null, None);
        Assert.Equal(json, (await store.ReadAsync(key, None))!.Json);
        Assert.True(await store.IsReachableAsync(None));
    }
}

public sealed record Counter(int Value);

[JsonSerializable(typeof(Counter))]
internal sealed partial class StoreJson : JsonSerializerContext;
