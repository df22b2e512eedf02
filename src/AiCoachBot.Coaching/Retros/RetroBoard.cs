namespace AiCoachBot.Coaching.Retros;

public enum BoardOutcome { Done, NotOpen, DeadlinePassed, Empty, TooLong, TooManyItems, TooManyOfYours, UnknownItem, NotYourItem, TooManyVotes }

/// <summary>
/// What members do on an open retro, as pure changes: contribute, edit or withdraw their own items, and give their
/// votes. A member is known here only by their pseudonym in this retro; their id and name are kept on an item only
/// when the retro is not anonymous.
/// </summary>
public static class RetroBoard
{
    public static string MemberKey(Retrospective retro, string userId) => RetroPseudonym.Of(retro.Secret!, userId);

    /// <summary>Text is checked here too: whatever arrives from a card, an item is never empty nor longer than allowed.</summary>
    public static BoardOutcome? CheckText(string text) =>
        string.IsNullOrWhiteSpace(text) ? BoardOutcome.Empty : text.Length > Retrospective.MaxItemLength ? BoardOutcome.TooLong : null;

    public static (Retrospective Retro, BoardOutcome Outcome) Add(
        Retrospective retro, string userId, string? userName, ItemKind kind, string text, IReadOnlyList<string> pitfalls, string itemId, DateTimeOffset now)
    {
        if (!retro.IsOpen || retro.Secret is null) return (retro, BoardOutcome.NotOpen);
        if (retro.Deadline < now) return (retro, BoardOutcome.DeadlinePassed);
        if (text.Length > 0 && CheckText(text) is { } refused) return (retro, refused);
        if (text.Length == 0 && pitfalls.Count == 0) return (retro, BoardOutcome.Empty);
        if (retro.Items.Count >= Retrospective.MaxItems) return (retro, BoardOutcome.TooManyItems);
        var key = MemberKey(retro, userId);
        if (retro.Items.Count(i => i.MemberKey == key) >= Retrospective.MaxItemsPerMember) return (retro, BoardOutcome.TooManyOfYours);
        var item = new RetroItem(itemId, kind, text, [.. pitfalls.Distinct().Take(Retrospective.MaxPitfallsPerItem)], now, key,
            retro.Anonymous ? null : userId, retro.Anonymous ? null : userName);
        return (retro with { Items = [.. retro.Items, item] }, BoardOutcome.Done);
    }

    public static (Retrospective Retro, BoardOutcome Outcome) Edit(Retrospective retro, string userId, string itemId, string text, DateTimeOffset now)
    {
        if (OwnItem(retro, userId, itemId) is { } refused) return (retro, refused);
        if (CheckText(text) is { } bad && !(text.Length == 0 && retro.Items.First(i => i.Id == itemId).Pitfalls.Count > 0)) return (retro, bad);
        return (retro with { Items = [.. retro.Items.Select(i => i.Id == itemId ? i with { Text = text, EditedAt = now } : i)] }, BoardOutcome.Done);
    }

    /// <summary>An item withdrawn takes the votes it had with it.</summary>
    public static (Retrospective Retro, BoardOutcome Outcome) Remove(Retrospective retro, string userId, string itemId)
    {
        if (OwnItem(retro, userId, itemId) is { } refused) return (retro, refused);
        return (retro with { Items = [.. retro.Items.Where(i => i.Id != itemId)], Votes = [.. retro.Votes.Where(v => v.ItemId != itemId)] }, BoardOutcome.Done);
    }

    /// <summary>The member's votes become exactly <paramref name="itemIds"/>: at most the allowed number, on items that exist.</summary>
    public static (Retrospective Retro, BoardOutcome Outcome) SetVotes(Retrospective retro, string userId, IReadOnlyList<string> itemIds, int votesPerMember)
    {
        if (!retro.IsOpen || retro.Secret is null) return (retro, BoardOutcome.NotOpen);
        var wanted = itemIds.Distinct().ToList();
        if (wanted.Any(id => retro.Items.All(i => i.Id != id))) return (retro, BoardOutcome.UnknownItem);
        if (wanted.Count > votesPerMember) return (retro, BoardOutcome.TooManyVotes);
        var key = MemberKey(retro, userId);
        return (retro with { Votes = [.. retro.Votes.Where(v => v.MemberKey != key), .. wanted.Select(id => new RetroVote(key, id))] }, BoardOutcome.Done);
    }

    public static IReadOnlyList<RetroItem> Mine(Retrospective retro, string userId)
    {
        if (retro.Secret is null) return [];
        var key = MemberKey(retro, userId);
        return retro.Items.Where(i => i.MemberKey == key).ToList();
    }

    public static IReadOnlyList<string> MyVotes(Retrospective retro, string userId)
    {
        if (retro.Secret is null) return [];
        var key = MemberKey(retro, userId);
        return retro.Votes.Where(v => v.MemberKey == key).Select(v => v.ItemId).ToList();
    }

    /// <summary>Closing keeps the counts and forgets who: the key, every pseudonym and every vote go.</summary>
    public static Retrospective Closed(Retrospective retro, RetroOutcome outcome, string byName, DateTimeOffset now) => retro with
    {
        Items = [.. retro.Items.Select(i => i with { MemberKey = null, ClosedVotes = retro.VotesFor(i.Id) })],
        Votes = [],
        Secret = null,
        ClosedContributors = retro.Contributors,
        ClosedAt = now,
        ClosedByName = byName,
        Outcome = outcome,
    };

    /// <summary>A reopened retro gets a new key: earlier contributions can no longer be edited, and members vote anew on top of the counts kept.</summary>
    public static Retrospective Reopened(Retrospective retro) => retro with { ClosedAt = null, ClosedByName = null, Outcome = null, Secret = RetroPseudonym.NewSecret() };

    private static BoardOutcome? OwnItem(Retrospective retro, string userId, string itemId)
    {
        if (!retro.IsOpen || retro.Secret is null) return BoardOutcome.NotOpen;
        var item = retro.Items.FirstOrDefault(i => i.Id == itemId);
        if (item is null) return BoardOutcome.UnknownItem;
        return item.MemberKey == MemberKey(retro, userId) ? null : BoardOutcome.NotYourItem;
    }
}
