using System.Text.Json.Serialization;
using AiCoachBot.Coaching.Projects;

namespace AiCoachBot.Coaching.Retros;

/// <summary>
/// A retrospective of one project. While it is open, every contribution and vote carries its member's pseudonym
/// (<see cref="RetroPseudonym"/>, from the service's key and this retro's <see cref="Salt"/>), so that members edit
/// their own items and spend their votes once; closing erases the salt and the pseudonyms, leaving counts. An anonymous
/// retro never stores an author's id or name; a named one keeps them on each item to show them. A retro reopened
/// after closing (<see cref="Reopened"/>) takes no new contributions or votes: it is reopened to change its decision.
/// </summary>
public sealed record Retrospective(
    string Id,
    string ProjectId,
    ProjectOwnership Ownership,
    string TemplateId,
    bool Anonymous,
    string Language,
    string FacilitatorId,
    string FacilitatorName,
    DateTimeOffset OpenedAt,
    DateTimeOffset? Deadline,
    DateOnly PeriodStart,
    IReadOnlyList<RetroItem> Items,
    IReadOnlyList<RetroVote> Votes,
    string? Salt,
    IReadOnlyList<RetroCard>? Cards = null,
    DateTimeOffset? ClosedAt = null,
    string? ClosedByName = null,
    RetroOutcome? Outcome = null,
    int ClosedContributors = 0,
    bool Reopened = false)
{
    public const int MaxItems = 60;
    /// <summary>Also what keeps a member's own view (their items, editable) within Teams' 28 KB.</summary>
    public const int MaxItemsPerMember = 8;
    public const int MaxItemLength = 500;
    public const int MaxRationaleLength = 1000;
    public const int MaxActions = 6;
    public const int MaxPitfallsPerItem = 5;
    /// <summary>The copies of the live card kept up to date (one per time it was posted), newest last.</summary>
    public const int MaxCards = 5;
    /// <summary>A closed retro may be reopened, by its facilitator or the project owner, for this long.</summary>
    public static readonly TimeSpan ReopenWindow = TimeSpan.FromHours(24);

    [JsonIgnore]
    public bool IsOpen => ClosedAt is null;

    /// <summary>Whether members may still contribute and vote: open, and not reopened for its decision only.</summary>
    [JsonIgnore]
    public bool TakesContributions => IsOpen && !Reopened && Salt is not null;

    /// <summary>How many people contributed: distinct pseudonyms while open, the count kept at closing after.</summary>
    [JsonIgnore]
    public int Contributors => Math.Max(ClosedContributors, Items.Select(i => i.MemberKey).OfType<string>().Distinct().Count());

    /// <summary>With fewer than three contributors, per-item counts would point at people: they are not shown.</summary>
    [JsonIgnore]
    public bool CountsShown => Contributors >= 3;

    [JsonIgnore]
    public IReadOnlyList<RetroCard> PostedCards => Cards ?? [];

    public int VotesFor(string itemId) =>
        (Items.FirstOrDefault(i => i.Id == itemId)?.ClosedVotes ?? 0) + Votes.Count(v => v.ItemId == itemId);

    public bool IsFacilitatorOrOwner(IEnumerable<string?> ids, Project project)
    {
        var known = ids.OfType<string>().ToList();
        return known.Contains(FacilitatorId) || project.IsOwner(known);
    }
}

/// <summary>
/// A contribution: a column, its text and the catalogue pitfalls it names. <see cref="MemberKey"/> is the member's
/// pseudonym while the retro is open; <see cref="AuthorId"/> and <see cref="AuthorName"/> exist only in a named retro.
/// </summary>
public sealed record RetroItem(
    string Id,
    ItemKind Kind,
    string Text,
    IReadOnlyList<string> Pitfalls,
    DateTimeOffset At,
    string? MemberKey,
    string? AuthorId = null,
    string? AuthorName = null,
    DateTimeOffset? EditedAt = null,
    int ClosedVotes = 0);

/// <summary>One vote: whose (by pseudonym, never by id) and for which item. Erased at closing, counted on the item.</summary>
public sealed record RetroVote(string MemberKey, string ItemId);

/// <summary>Where a copy of the retro's live card was posted, so that everyone's copy is updated as contributions come.</summary>
public sealed record RetroCard(string ServiceUrl, string ConversationId, string ActivityId);

/// <summary>
/// What closing decided: the decision and why, the actions it created (kept whole here, so that recording them on
/// the project can be repeated if it was interrupted), and what became of earlier retros' open actions.
/// </summary>
public sealed record RetroOutcome(
    string Decision,
    string Rationale,
    IReadOnlyList<ProjectAction> Actions,
    IReadOnlyList<ActionReview> Reviewed,
    string? Narrative = null);

/// <summary>An earlier retro's action as this retro found it: done, dropped or carried over.</summary>
public sealed record ActionReview(string ActionId, string Text, string Status);

/// <summary>A retro as the project lists it: enough for the profile and to find the open one.</summary>
public sealed record RetroEntry(string Id, string TemplateId, DateTimeOffset OpenedAt, DateTimeOffset? ClosedAt = null, string? Decision = null);
