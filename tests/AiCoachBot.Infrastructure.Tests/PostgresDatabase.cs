using System.Collections.Concurrent;
using AiCoachBot.Infrastructure.Storage;
using Npgsql;

namespace AiCoachBot.Infrastructure.Tests;

/// <summary>A fresh database on the test server and the stores opened on it, closed with it: the counterpart of <see cref="TempDatabase"/>.</summary>
internal sealed class PostgresDatabase(string connectionString) : IAsyncDisposable
{
    private readonly ConcurrentBag<PostgresDocumentStore> _opened = [];

    public string ConnectionString => connectionString;

    public static async Task<PostgresDatabase> CreateAsync(PostgresServer server) => new(await server.CreateDatabaseAsync());

    /// <summary>A store on this database, as an instance of the service opens it (migrations run), or on <paramref name="changed"/> settings of it, not initialised.</summary>
    public async Task<PostgresDocumentStore> OpenAsync(Action<NpgsqlConnectionStringBuilder>? changed = null)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        changed?.Invoke(builder);
        var store = PostgresDocumentStore.Open(builder.ToString(), TimeProvider.System);
        _opened.Add(store);
        if (changed is null) await store.InitializeAsync(CancellationToken.None);
        return store;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var store in _opened) await store.DisposeAsync();
    }
}
