using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace AiCoachBot.Coaching.State;

public sealed record Versioned<T>(T Value, string ETag);

public static class TypedDocumentStore
{
    public const int MaxAttempts = 20;

    public static async Task<Versioned<T>?> ReadAsync<T>(this IDocumentStore store, string key, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        var document = await store.ReadAsync(key, cancellationToken);
        if (document is null) return null;
        return JsonSerializer.Deserialize(document.Json, type) is { } value ? new Versioned<T>(value, document.ETag) : null;
    }

    public static Task<string> WriteAsync<T>(this IDocumentStore store, string key, T value, string? ifMatch, JsonTypeInfo<T> type, CancellationToken cancellationToken) =>
        store.WriteAsync(key, JsonSerializer.Serialize(value, type), ifMatch, cancellationToken);

    /// <summary>The documents under a prefix that read as <typeparamref name="T"/>; one that does not is not of this kind and is passed over.</summary>
    public static async IAsyncEnumerable<(string Key, Versioned<T> Document)> ListAsync<T>(
        this IDocumentStore store, string prefix, JsonTypeInfo<T> type, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var document in store.ListAsync(prefix, cancellationToken))
        {
            T? value;
            try { value = JsonSerializer.Deserialize(document.Json, type); }
            catch (JsonException) { continue; }
            if (value is not null) yield return (document.Key, new Versioned<T>(value, document.ETag));
        }
    }

    /// <summary>
    /// Read, decide, write-if-unchanged; on a lost race decide again from a fresh read. <paramref name="decide"/>
    /// must not have side effects: it may run several times. Nothing is ever silently overwritten.
    /// </summary>
    public static async Task<TResult> UpdateAsync<T, TResult>(
        this IDocumentStore store, string key, JsonTypeInfo<T> type, Func<T?, Change<T, TResult>> decide, CancellationToken cancellationToken)
        where T : class
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = await ReadOrDiscardAsync(store, key, type, cancellationToken);
            var change = decide(current?.Value);
            try
            {
                switch (change.Kind)
                {
                    case ChangeKind.Save:
                        await store.WriteAsync(key, change.Value!, current?.ETag, type, cancellationToken);
                        break;
                    case ChangeKind.Delete when current is not null:
                        await store.DeleteAsync(key, current.Value.ETag, cancellationToken);
                        break;
                }
                return change.Result;
            }
            catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
            {
                await BackOffAsync(attempt, cancellationToken);
            }
        }
    }

    /// <summary>
    /// The first retry is immediate; later ones wait a random few milliseconds, growing, because two writers
    /// that loop in lockstep can otherwise make one of them lose every race.
    /// </summary>
    private static Task BackOffAsync(int attempt, CancellationToken cancellationToken) =>
        attempt == 1
            ? Task.CompletedTask
            : Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 1 << Math.Min(attempt, 6))), cancellationToken);

    /// <summary>
    /// A document this version cannot read (an older shape, or JSON null) counts as absent but keeps its ETag,
    /// so the next write replaces it instead of failing every turn of that user.
    /// </summary>
    private static async Task<(T? Value, string ETag)?> ReadOrDiscardAsync<T>(IDocumentStore store, string key, JsonTypeInfo<T> type, CancellationToken cancellationToken)
        where T : class
    {
        var document = await store.ReadAsync(key, cancellationToken);
        if (document is null) return null;
        try { return (JsonSerializer.Deserialize(document.Json, type), document.ETag); }
        catch (JsonException) { return (null, document.ETag); }
    }
}

public enum ChangeKind { Keep, Save, Delete }

public sealed record Change<T, TResult>(ChangeKind Kind, T? Value, TResult Result)
{
    public static Change<T, TResult> Keep(TResult result) => new(ChangeKind.Keep, default, result);
    public static Change<T, TResult> Save(T value, TResult result) => new(ChangeKind.Save, value, result);
    public static Change<T, TResult> Delete(TResult result) => new(ChangeKind.Delete, default, result);
}
