using AiCoachBot.Coaching.State;
using AiCoachBot.Infrastructure.Storage;
using Npgsql;

namespace AiCoachBot.Infrastructure.Tests;

/// <summary>The shared store on a real PostgreSQL server: the same contract as the embedded one, and its own migrations.</summary>
public sealed class PostgresDocumentStoreTests(PostgresServer server) : DocumentStoreContract, IClassFixture<PostgresServer>, IAsyncLifetime
{
    private PostgresDatabase _database = null!;

    public async Task InitializeAsync() => _database = await PostgresDatabase.CreateAsync(server);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    protected override Task<IDocumentStore> OpenAsync() => OpenAnotherAsync();

    protected override async Task<IDocumentStore> OpenAnotherAsync() => await OpenStoreAsync();

    [Fact]
    public async Task Instances_MigrateTogether_AndTheSchemaIsAppliedOnce()
    {
        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => OpenStoreAsync()));

        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM schema_migrations;", connection);
        Assert.Equal(3L, await count.ExecuteScalarAsync());
    }

    [Fact]
    public async Task ADatabaseFromANewerVersion_IsRefusedWithAClearMessage()
    {
        await OpenStoreAsync();
        await using (var connection = new NpgsqlConnection(_database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var newer = new NpgsqlCommand("INSERT INTO schema_migrations (version) VALUES (99);", connection);
            await newer.ExecuteNonQueryAsync();
        }

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => OpenStoreAsync());

        Assert.Contains("newer version of AiCoachBot", error.Message);
    }

    [Fact]
    public async Task ARoleThatMayOnlyReadAndWrite_StartsOnceTheSchemaIsThere()
    {
        await OpenStoreAsync();
        var role = "app_" + Guid.NewGuid().ToString("N")[..8];
        await using (var admin = new NpgsqlConnection(_database.ConnectionString))
        {
            await admin.OpenAsync();
            var database = new NpgsqlConnectionStringBuilder(_database.ConnectionString).Database;
            foreach (var grant in new[]
            {
                $"CREATE ROLE {role} LOGIN;", $"GRANT CONNECT ON DATABASE {database} TO {role};", $"REVOKE CREATE ON SCHEMA public FROM PUBLIC;",
                $"GRANT USAGE ON SCHEMA public TO {role};", $"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role};",
            })
            {
                await using var command = new NpgsqlCommand(grant, admin);
                await command.ExecuteNonQueryAsync();
            }
        }
        var store = await _database.OpenAsync(c => c.Username = role);

        await store.InitializeAsync(None);
        await store.WriteAsync("k", "{}", null, None);

        Assert.True(await store.IsReachableAsync(None));
    }

    [Fact]
    public async Task ANulCharacter_BecomesAReplacementCharacter_InsteadOfFailingTheWrite()
    {
        var store = await OpenStoreAsync();

        await store.WriteAsync("k", """{"text":"a\u0000b","kept":"\\u0000"}""", null, None);

        AssertSameJson("""{"text":"a\ufffdb","kept":"\\u0000"}""", (await store.ReadAsync("k", None))!.Json);
    }

    [Fact]
    public async Task AnUnreachableServer_IsReportedNotReady()
    {
        var store = await _database.OpenAsync(c => (c.Port, c.Timeout) = (1, 2));

        Assert.False(await store.IsReachableAsync(None));
    }

    private Task<PostgresDocumentStore> OpenStoreAsync() => _database.OpenAsync();
}
