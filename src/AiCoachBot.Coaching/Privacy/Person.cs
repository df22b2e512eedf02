using AiCoachBot.Coaching.Commands;
using AiCoachBot.Coaching.Conversation;

namespace AiCoachBot.Coaching.Privacy;

/// <summary>
/// Someone asking about their own data: in their organisation, by every id Teams gives them (the Entra object id and the
/// Teams account id, since either may have been stored) and by their display name, as the places that keep a name
/// without an id wrote it (cleaned for member lists, made safe for cards elsewhere).
/// </summary>
public sealed record Person(string TenantId, IReadOnlyList<string> Ids, IReadOnlyList<string> Names)
{
    public string? Name => Names.Count > 0 ? Names[0] : null;

    public static Person Of(UserTurn turn) =>
        new(turn.Scope.TenantId, [.. turn.Ids.OfType<string>().Where(id => id.Length > 0).Distinct()], NamesOf(turn.UserName));

    public bool Is(string? id) => id is not null && Ids.Contains(id, StringComparer.Ordinal);

    /// <summary>A name stored without an id is theirs when it is written as theirs is; a nameless "?" is nobody's.</summary>
    public bool IsNamed(string? name) => name is not null && Names.Contains(name.Trim(), StringComparer.OrdinalIgnoreCase);

    private static IReadOnlyList<string> NamesOf(string? raw) =>
        string.IsNullOrWhiteSpace(raw) ? []
        : new[] { DisplayName.Of(raw), TextNormalizer.Clean(raw) }.Where(n => n.Length > 0 && n != "?").Distinct(StringComparer.OrdinalIgnoreCase).ToList();
}
