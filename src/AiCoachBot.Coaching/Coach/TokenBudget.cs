using AiCoachBot.Coaching.State;

namespace AiCoachBot.Coaching.Coach;

/// <summary>Each user's daily allowance of language-model tokens (UTC days). Spent means offline answers until tomorrow.</summary>
public sealed class TokenBudget(IDocumentStore store, TimeProvider time, int dailyTokens)
{
    public async Task<bool> HasRoomAsync(string tenantId, string userId, CancellationToken cancellationToken)
    {
        if (dailyTokens <= 0) return false;
        var usage = await store.ReadAsync(Key(tenantId, userId), CoachingJsonContext.Default.TokenUsage, cancellationToken);
        return (usage?.Value.Tokens ?? 0) < dailyTokens;
    }

    /// <summary>Adds a call's tokens; concurrent calls of the same user all count.</summary>
    public Task<TokenUsage> ChargeAsync(string tenantId, string userId, int tokens, CancellationToken cancellationToken) =>
        store.UpdateAsync(Key(tenantId, userId), CoachingJsonContext.Default.TokenUsage, current =>
        {
            var next = new TokenUsage((current?.Tokens ?? 0) + Math.Max(0, tokens), (current?.Calls ?? 0) + 1);
            return Change<TokenUsage, TokenUsage>.Save(next, next);
        }, cancellationToken);

    private string Key(string tenantId, string userId) => StateKeys.TokenUsage(tenantId, userId, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
}
