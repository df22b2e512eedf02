using AiCoachBot.Infrastructure.Storage;

namespace AiCoachBot.Infrastructure.Tests;

/// <summary>A real SQLite file in a fresh temp folder; opened stores are closed before the folder goes.</summary>
internal sealed class TempDatabase : IAsyncDisposable
{
    private readonly List<SqliteDocumentStore> _opened = [];

    public string Folder { get; } = Directory.CreateTempSubdirectory("aicoach-db-").FullName;

    public string Path => System.IO.Path.Combine(Folder, "test.db");

    public async Task<SqliteDocumentStore> OpenAsync()
    {
        var store = new SqliteDocumentStore(Path, TimeProvider.System);
        await store.InitializeAsync(CancellationToken.None);
        _opened.Add(store);
        return store;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var store in _opened) await store.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}
