using System.Security.Cryptography;
using System.Text;
using AiCoachBot.Coaching.Commands;
using AiCoachBot.Coaching.Localization;
using AiCoachBot.Coaching.State;

namespace AiCoachBot.Coaching.Coach;

/// <summary>
/// Model answers by question, so an identical question (normalised, same language, same knowledge-base
/// version, same project context) is answered again without a call. Entries older than the lifetime are ignored.
/// </summary>
public sealed class AnswerCache(IDocumentStore store, TimeProvider time, TimeSpan lifetime)
{
    public static string Fingerprint(string question, Language language, string knowledgeVersion, string? context)
    {
        var normalized = string.Join(' ', TextNormalizer.Fold(question).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"{knowledgeVersion}\n{language.Code()}\n{context}\n{normalized}"));
        return Convert.ToHexString(bytes).ToLowerInvariant();
    }

    public async Task<CachedAnswer?> FindAsync(string fingerprint, CancellationToken cancellationToken)
    {
        if (lifetime <= TimeSpan.Zero) return null;
        var found = await store.ReadAsync(StateKeys.CachedAnswer(fingerprint), CoachingJsonContext.Default.CachedAnswer, cancellationToken);
        return found?.Value is { } answer && time.GetUtcNow() - answer.At < lifetime ? answer : null;
    }

    public async Task KeepAsync(string fingerprint, CachedAnswer answer, CancellationToken cancellationToken)
    {
        if (lifetime <= TimeSpan.Zero) return;
        // Last writer wins: two identical answers racing are equally good.
        var key = StateKeys.CachedAnswer(fingerprint);
        var current = await store.ReadAsync(key, CoachingJsonContext.Default.CachedAnswer, cancellationToken);
        try { await store.WriteAsync(key, answer, current?.ETag, CoachingJsonContext.Default.CachedAnswer, cancellationToken); }
        catch (ConcurrencyConflictException) { }
    }
}
