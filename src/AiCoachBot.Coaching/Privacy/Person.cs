using AiCoachBot.Coaching.Conversation;

namespace AiCoachBot.Coaching.Privacy;

/// <summary>
/// Someone asking about their own data: in their organisation, by every id Teams gives them (the Entra object id and the
/// Teams account id, since either may have been stored) and by their display name (stored alone in a few places).
/// </summary>
public sealed record Person(string TenantId, IReadOnlyList<string> Ids, string? Name)
{
    public static Person Of(UserTurn turn) =>
        new(turn.Scope.TenantId, [.. turn.Ids.OfType<string>().Where(id => id.Length > 0).Distinct()],
            string.IsNullOrWhiteSpace(turn.UserName) ? null : DisplayName.Of(turn.UserName));

    public bool Is(string? id) => id is not null && Ids.Contains(id, StringComparer.Ordinal);

    public bool IsNamed(string? name) => Name is { Length: > 0 } mine && string.Equals(name?.Trim(), mine, StringComparison.OrdinalIgnoreCase);
}
