namespace AiCoachBot.Coaching.Retros;

public enum BoardOutcome { Done, NotOpen, Frozen, DeadlinePassed, Empty, TooLong, TooManyItems, TooManyOfYours, UnknownItem, NotYourItem, TooManyVotes }

/// <summary>
/// What members do on an open retro, as pure changes: contribute, edit or withdraw their own items, and give their
/// votes. A member is known here by their pseudonym in this retro; their id and name are kept on an item only
/// when the retro is not anonymous.
/// </summary>
public static class RetroBoard
{
    /// <summary>Text is checked here too: whatever arrives from a card, an item is never empty nor longer than allowed.</summary>
    public static BoardOutcome? CheckText(string text) =>
        string.IsNullOrWhiteSpace(text) ? BoardOutcome.Empty : text.Length > Retrospective.MaxItemLength ? BoardOutcome.TooLong : null;

    public static (Retrospective Retro, BoardOutcome Outcome) Add(
        Retrospective retro, RetroMember member, ItemKind kind, string text, IReadOnlyList<string> pitfalls, string itemId, DateTimeOffset now)
    {
        if (Closed(retro) is { } closed) return (retro, closed);
        if (retro.Deadline < now) return (retro, BoardOutcome.DeadlinePassed);
        if (text.Length > 0 && CheckText(text) is { } refused) return (retro, refused);
        if (text.Length == 0 && pitfalls.Count == 0) return (retro, BoardOutcome.Empty);
        if (retro.Items.Count >= Retrospective.MaxItems) return (retro, BoardOutcome.TooManyItems);
        if (retro.Items.Count(i => i.MemberKey == member.Key) >= Retrospective.MaxItemsPerMember) return (retro, BoardOutcome.TooManyOfYours);
        var item = new RetroItem(itemId, kind, text, [.. pitfalls.Distinct().Take(Retrospective.MaxPitfallsPerItem)], now, member.Key,
            retro.Anonymous ? null : member.Id, retro.Anonymous ? null : member.Name);
        return (retro with { Items = [.. retro.Items, item] }, BoardOutcome.Done);
    }

    /// <summary>An item keeps some text, unless it names pitfalls: those alone are a contribution.</summary>
    public static (Retrospective Retro, BoardOutcome Outcome) Edit(Retrospective retro, string memberKey, string itemId, string text, DateTimeOffset now)
    {
        if (OwnItem(retro, memberKey, itemId) is { } refused) return (retro, refused);
        var item = retro.Items.First(i => i.Id == itemId);
        if (CheckText(text) is { } bad && !(bad == BoardOutcome.Empty && item.Pitfalls.Count > 0)) return (retro, bad);
        return (retro with { Items = [.. retro.Items.Select(i => i.Id == itemId ? i with { Text = text.Trim(), EditedAt = now } : i)] }, BoardOutcome.Done);
    }

    /// <summary>An item withdrawn takes the votes it had with it.</summary>
    public static (Retrospective Retro, BoardOutcome Outcome) Remove(Retrospective retro, string memberKey, string itemId)
    {
        if (OwnItem(retro, memberKey, itemId) is { } refused) return (retro, refused);
        return (retro with { Items = [.. retro.Items.Where(i => i.Id != itemId)], Votes = [.. retro.Votes.Where(v => v.ItemId != itemId)] }, BoardOutcome.Done);
    }

    /// <summary>The member's votes become exactly <paramref name="itemIds"/>: at most the allowed number, on items that exist.</summary>
    public static (Retrospective Retro, BoardOutcome Outcome) SetVotes(Retrospective retro, string memberKey, IReadOnlyList<string> itemIds, int votesPerMember)
    {
        if (Closed(retro) is { } closed) return (retro, closed);
        var wanted = itemIds.Distinct().ToList();
        if (wanted.Any(id => retro.Items.All(i => i.Id != id))) return (retro, BoardOutcome.UnknownItem);
        if (wanted.Count > votesPerMember) return (retro, BoardOutcome.TooManyVotes);
        return (retro with { Votes = [.. retro.Votes.Where(v => v.MemberKey != memberKey), .. wanted.Select(id => new RetroVote(memberKey, id))] }, BoardOutcome.Done);
    }

    public static IReadOnlyList<RetroItem> Mine(Retrospective retro, string? memberKey) =>
        memberKey is null ? [] : retro.Items.Where(i => i.MemberKey == memberKey).ToList();

    public static IReadOnlyList<string> MyVotes(Retrospective retro, string? memberKey) =>
        memberKey is null ? [] : retro.Votes.Where(v => v.MemberKey == memberKey).Select(v => v.ItemId).ToList();

    /// <summary>Closing keeps the counts and forgets who: the salt, every pseudonym and every vote go.</summary>
    public static Retrospective Closed(Retrospective retro, RetroOutcome outcome, string byName, DateTimeOffset now) => retro with
    {
        Items = [.. retro.Items.Select(i => i with { MemberKey = null, ClosedVotes = retro.VotesFor(i.Id) })],
        Votes = [],
        Salt = null,
        ClosedContributors = retro.Contributors,
        ClosedAt = now,
        ClosedByName = byName,
        Outcome = outcome,
        Reopened = false,
    };

    /// <summary>Reopened to change the decision and the actions: the board stays as it was closed.</summary>
    public static Retrospective Reopen(Retrospective retro) => retro with { ClosedAt = null, ClosedByName = null, Outcome = null, Reopened = true };

    private static BoardOutcome? Closed(Retrospective retro) =>
        !retro.IsOpen || retro.Salt is null && !retro.Reopened ? BoardOutcome.NotOpen : retro.Reopened ? BoardOutcome.Frozen : null;

    private static BoardOutcome? OwnItem(Retrospective retro, string memberKey, string itemId)
    {
        if (Closed(retro) is { } closed) return closed;
        var item = retro.Items.FirstOrDefault(i => i.Id == itemId);
        if (item is null) return BoardOutcome.UnknownItem;
        return item.MemberKey == memberKey ? null : BoardOutcome.NotYourItem;
    }
}
