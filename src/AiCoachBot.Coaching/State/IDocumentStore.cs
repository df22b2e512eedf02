namespace AiCoachBot.Coaching.State;

/// <summary>
/// JSON documents by key with optimistic concurrency. A write names the ETag it read (or null to
/// create); if someone wrote in between, it fails with <see cref="ConcurrencyConflictException"/>.
/// </summary>
public interface IDocumentStore
{
    Task<StoredDocument?> ReadAsync(string key, CancellationToken cancellationToken);

    /// <returns>The document's new ETag.</returns>
    Task<string> WriteAsync(string key, string json, string? ifMatch, CancellationToken cancellationToken);

    /// <returns>False when there was nothing to delete.</returns>
    Task<bool> DeleteAsync(string key, string? ifMatch, CancellationToken cancellationToken);

    /// <summary>
    /// The documents whose key starts with <paramref name="prefix"/>, in ordinal key order, with when each was last written,
    /// read a page at a time: a document written during the listing may or may not be in it.
    /// </summary>
    IAsyncEnumerable<ListedDocument> ListAsync(string prefix, CancellationToken cancellationToken);

    /// <summary>Readiness: can the store be read right now?</summary>
    Task<bool> IsReachableAsync(CancellationToken cancellationToken);
}

public sealed record StoredDocument(string Json, string ETag);

public sealed record ListedDocument(string Key, string Json, string ETag, DateTimeOffset UpdatedAt);

public sealed class ConcurrencyConflictException(string key)
    : Exception($"Document '{key}' was changed by someone else since it was read.")
{
    public string Key { get; } = key;
}
