using System.Collections.Concurrent;
using AiCoachBot.Coaching.State;

namespace AiCoachBot.Coaching.Tests.Support;

/// <summary>The document store contract in memory, with a hook to lose the next race on purpose.</summary>
internal sealed class InMemoryDocumentStore : IDocumentStore
{
    private readonly ConcurrentDictionary<string, StoredDocument> _documents = new();

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

    public Task<bool> IsReachableAsync(CancellationToken cancellationToken) => Task.FromResult(true);
}
