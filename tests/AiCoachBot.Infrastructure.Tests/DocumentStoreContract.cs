using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using AiCoachBot.Coaching.State;

namespace AiCoachBot.Infrastructure.Tests;

/// <summary>
/// What every document store promises the coach, run against each of them: documents by key, and optimistic
/// concurrency that never lets a write overwrite one it did not read.
/// </summary>
public abstract class DocumentStoreContract
{
    protected static readonly CancellationToken None = CancellationToken.None;

    /// <summary>A fresh, empty, initialised store.</summary>
    protected abstract Task<IDocumentStore> OpenAsync();

    /// <summary>A second store on the same data: another instance of the service.</summary>
    protected abstract Task<IDocumentStore> OpenAnotherAsync();

    [Fact]
    public async Task Write_ThenRead_ReturnsTheDocumentAndItsETag()
    {
        var store = await OpenAsync();

        var etag = await store.WriteAsync("k", """{"a":1,"b":[true,null,"x"]}""", ifMatch: null, None);
        var read = await store.ReadAsync("k", None);

        AssertSameJson("""{"a":1,"b":[true,null,"x"]}""", read!.Json);
        Assert.Equal(etag, read.ETag);
        Assert.Null(await store.ReadAsync("missing", None));
    }

    [Fact]
    public async Task Create_WhenTheDocumentExists_IsAConflict()
    {
        var store = await OpenAsync();
        await store.WriteAsync("k", "{}", null, None);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.WriteAsync("k", """{"b":2}""", null, None));
        AssertSameJson("{}", (await store.ReadAsync("k", None))!.Json);
    }

    [Fact]
    public async Task Update_WithAStaleETag_IsAConflict_AndChangesNothing()
    {
        var store = await OpenAsync();
        var first = await store.WriteAsync("k", """{"v":1}""", null, None);
        var second = await store.WriteAsync("k", """{"v":2}""", first, None);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.WriteAsync("k", """{"v":3}""", first, None));
        var read = await store.ReadAsync("k", None);
        AssertSameJson("""{"v":2}""", read!.Json);
        Assert.Equal(second, read.ETag);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.WriteAsync("never-written", "{}", second, None));
    }

    [Fact]
    public async Task ADocumentDeletedAndCreatedAgain_DoesNotMatchAnETagReadBefore()
    {
        var store = await OpenAsync();
        var old = await store.WriteAsync("k", """{"v":1}""", null, None);
        Assert.True(await store.DeleteAsync("k", old, None));
        await store.WriteAsync("k", """{"v":"new"}""", null, None);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.WriteAsync("k", """{"v":"lost"}""", old, None));
    }

    [Fact]
    public async Task Delete_HonoursTheETag()
    {
        var store = await OpenAsync();
        var etag = await store.WriteAsync("k", "{}", null, None);
        await store.WriteAsync("k", "[]", etag, None);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.DeleteAsync("k", etag, None));
        Assert.True(await store.DeleteAsync("k", null, None));
        Assert.False(await store.DeleteAsync("k", null, None));
        Assert.False(await store.DeleteAsync("k", etag, None));
    }

    [Fact]
    public async Task TwentyWritersAtOnce_EachRetryingFromAFreshRead_LoseNoIncrement()
    {
        var store = await OpenAsync();

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => IncrementAsync(store, times: 10)));

        Assert.Equal(200, (await store.ReadAsync("counter", StoreJson.Default.Counter, None))!.Value.Value);
    }

    [Fact]
    public async Task TwoInstancesOnTheSameData_NeverLoseAWrite()
    {
        var first = await OpenAsync();
        var second = await OpenAnotherAsync();

        await Task.WhenAll(IncrementAsync(first, times: 50), IncrementAsync(second, times: 50));

        Assert.Equal(100, (await second.ReadAsync("counter", StoreJson.Default.Counter, None))!.Value.Value);
    }

    [Fact]
    public async Task KeysAndValues_WithHostileCharacters_AreStoredAsTheyAre()
    {
        var store = await OpenAsync();
        const string key = "session/t'1/19:a@thread.tacv2;messageid=1/'; DROP TABLE documents; --";
        const string json = """{"text":"Robert'); DROP TABLE documents;-- \" \\ \t é « » 🚀 \\u0000 as text","n":1.5e3}""";

        await store.WriteAsync(key, json, null, None);

        AssertSameJson(json, (await store.ReadAsync(key, None))!.Json);
        Assert.True(await store.IsReachableAsync(None));
    }

    [Fact]
    public async Task ALargeDocument_RoundTrips()
    {
        var store = await OpenAsync();
        var json = new JsonObject { ["items"] = new JsonArray(Enumerable.Range(0, 5000).Select(i => (JsonNode)new JsonObject { ["i"] = i, ["text"] = new string('x', 100) }).ToArray()) }.ToJsonString();

        await store.WriteAsync("big", json, null, None);

        AssertSameJson(json, (await store.ReadAsync("big", None))!.Json);
    }

    /// <summary>Adds one to a shared counter, <paramref name="times"/> over, each time read-decide-write with retries.</summary>
    private static Task IncrementAsync(IDocumentStore store, int times) => Task.Run(async () =>
    {
        for (var i = 0; i < times; i++)
            await store.UpdateAsync("counter", StoreJson.Default.Counter, c => Change<Counter, int>.Save(new Counter((c?.Value ?? 0) + 1), 0), None);
    });

    /// <summary>The same JSON value: a store may give its own spacing (PostgreSQL's jsonb does).</summary>
    [Fact]
    public async Task AListing_GivesEveryDocumentUnderAPrefix_InKeyOrder_AcrossPages_AndNothingElse()
    {
        var store = await OpenAsync();
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        var keys = Enumerable.Range(0, 450).Select(i => $"session/t1/conv-{i:D3}/u").ToList();
        foreach (var key in keys) await store.WriteAsync(key, $$"""{"n":"{{key}}"}""", null, None);
        // Neighbours that a careless prefix match would take: a longer segment, a LIKE wildcard, another tenant.
        foreach (var other in new[] { "session/t10/conv/u", "session/t1", "sessionX/t1/conv/u", "session_t1/conv/u", "session/t2/conv/u" })
            await store.WriteAsync(other, "{}", null, None);
        await store.WriteAsync("session/t1/é/u", "{}", null, None);

        var listed = await ToListAsync(store.ListAsync("session/t1/", None));

        Assert.Equal([.. keys, "session/t1/é/u"], listed.Select(d => d.Key));
        Assert.All(listed, d => Assert.InRange(d.UpdatedAt, before, DateTimeOffset.UtcNow.AddSeconds(1)));
        var first = listed[0];
        Assert.Equal((await store.ReadAsync(first.Key, None))!.ETag, first.ETag);
        AssertSameJson($$"""{"n":"{{first.Key}}"}""", first.Json);
        Assert.Empty(await ToListAsync(store.ListAsync("session/t1%", None)));
        Assert.Single(await ToListAsync(store.ListAsync("session_t1/", None)));
    }

    private static async Task<List<ListedDocument>> ToListAsync(IAsyncEnumerable<ListedDocument> documents)
    {
        var list = new List<ListedDocument>();
        await foreach (var document in documents) list.Add(document);
        return list;
    }

    protected static void AssertSameJson(string expected, string actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual)), $"expected {expected}, got {actual}");
}

public sealed record Counter(int Value);

[JsonSerializable(typeof(Counter))]
internal sealed partial class StoreJson : JsonSerializerContext;
