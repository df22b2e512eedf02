using System.Collections.Concurrent;
using AiCoachBot.Coaching.State;

namespace AiCoachBot.Coaching.Tests.Support;

/// <summary>The document store contract in memory, with a hook to lose the next race on purpose.</summary>
internal sealed class InMemoryDocumentStore : IDocumentStore
{
    private readonly ConcurrentDictionary<string, StoredDocument> _documents = new();
    private readonly ConcurrentDictionary<string, DateTimeOffset> _updatedAt = new();

    /// <summary>What a write records as its time (listings report it).</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>Runs once just before the next write is checked, as if another turn wrote first.</summary>
    public Func<Task>? BeforeNextWrite { get; set; }

    public int Writes { get; private set; }

    public IReadOnlyCollection<string> Keys => _documents.Keys.ToList();

    public Task<StoredDocument?> ReadAsync(string key, CancellationToken cancellationToken) =>
        Task.FromResult(_documents.TryGetValue(key, out var d) ? d : null);

    public async Task<string> WriteAsync(string key, string json, string? ifMatch, CancellationToken cancellationToken)
    {
        if (BeforeNextWrite is { } interloper) { BeforeNextWrite = null; await interloper(); }
        lock (_documents)
        {
            var exists = _documents.TryGetValue(key, out var current);
            if (ifMatch is null ? exists : !exists || current!.ETag != ifMatch) throw new ConcurrencyConflictException(key);
            var etag = Guid.NewGuid().ToString("N");
            _documents[key] = new StoredDocument(json, etag);
            _updatedAt[key] = Clock.GetUtcNow();
            Writes++;
            return etag;
        }
    }

    public Task<bool> DeleteAsync(string key, string? ifMatch, CancellationToken cancellationToken)
    {
        lock (_documents)
        {
            if (!_documents.TryGetValue(key, out var current)) return Task.FromResult(false);
            if (ifMatch is not null && current.ETag != ifMatch) throw new ConcurrencyConflictException(key);
            return Task.FromResult(_documents.TryRemove(key, out _));
        }
    }

    public async IAsyncEnumerable<ListedDocument> ListAsync(string prefix, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        foreach (var (key, document) in _documents.Where(d => d.Key.StartsWith(prefix, StringComparison.Ordinal)).OrderBy(d => d.Key, StringComparer.Ordinal).ToList())
            yield return new ListedDocument(key, document.Json, document.ETag, _updatedAt.GetValueOrDefault(key));
    }

    public Task<bool> IsReachableAsync(CancellationToken cancellationToken) => Task.FromResult(true);
}
