using AiCoachBot.Coaching.Projects;
using AiCoachBot.Coaching.Retros;

namespace AiCoachBot.Coaching.Tests;

/// <summary>What members may do to an open retro, and what closing keeps and forgets.</summary>
public sealed class RetroBoardTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);
    private static readonly PseudonymKey Key = PseudonymKey.Random();

    private static Retrospective Open(bool anonymous = true, DateTimeOffset? deadline = null) => new(
        "r1", "p1", new ProjectOwnership("t", ProjectOwnerKind.Team, "team"), "poc", anonymous, "en", "facilitator-id", "Grace Hopper",
        Now.AddDays(-1), deadline, new DateOnly(2026, 11, 1), [], [], RetroPseudonym.NewSalt());

    private static RetroMember Member(Retrospective retro, string id, string? name = null) => new(RetroPseudonym.Of(Key, retro.Salt!, id), id, name);

    private static Retrospective Added(Retrospective retro, string who, string text, string itemId, ItemKind kind = ItemKind.Well) =>
        RetroBoard.Add(retro, Member(retro, who), kind, text, [], itemId, Now).Retro;

    [Fact]
    public void AnAnonymousItem_KeepsNoAuthor_OnlyAPseudonymThatIsNotTheId()
    {
        var open = Open();
        var (retro, outcome) = RetroBoard.Add(open, Member(open, "alice-id", "Alice Martin"), ItemKind.Well, "Clear criteria", [], "i1", Now);

        Assert.Equal(BoardOutcome.Done, outcome);
        var item = Assert.Single(retro.Items);
        Assert.Null(item.AuthorId);
        Assert.Null(item.AuthorName);
        Assert.NotNull(item.MemberKey);
        Assert.DoesNotContain("alice", item.MemberKey!, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void ANamedItem_ShowsItsAuthor()
    {
        var open = Open(anonymous: false);
        var (retro, _) = RetroBoard.Add(open, Member(open, "alice-id", "Alice Martin"), ItemKind.Well, "Clear criteria", [], "i1", Now);

        Assert.Equal(("alice-id", "Alice Martin"), (retro.Items[0].AuthorId, retro.Items[0].AuthorName));
    }

    [Fact]
    public void APseudonym_DiffersFromOneRetroToTheNext_AndCannotBeMadeWithoutTheServiceKey()
    {
        var first = Open();
        var second = Open();

        Assert.NotEqual(Member(first, "alice-id").Key, Member(second, "alice-id").Key);
        // Everything the database holds (the salt, the id one could guess) is not enough: the service's key is needed.
        Assert.NotEqual(Member(first, "alice-id").Key, RetroPseudonym.Of(PseudonymKey.Random(), first.Salt!, "alice-id"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void NothingToSay_IsRefused(string text)
    {
        var open = Open();
        var (retro, outcome) = RetroBoard.Add(open, Member(open, "alice-id"), ItemKind.Well, text.Trim(), [], "i1", Now);

        Assert.Equal(BoardOutcome.Empty, outcome);
        Assert.Empty(retro.Items);
    }

    [Fact]
    public void ATooLongItem_AndAnItemAfterTheDeadline_AreRefused()
    {
        var open = Open();
        var late = Open(deadline: Now.AddMinutes(-1));

        Assert.Equal(BoardOutcome.TooLong, RetroBoard.Add(open, Member(open, "a"), ItemKind.Idea, new string('x', Retrospective.MaxItemLength + 1), [], "i1", Now).Outcome);
        Assert.Equal(BoardOutcome.DeadlinePassed, RetroBoard.Add(late, Member(late, "a"), ItemKind.Idea, "Late idea", [], "i1", Now).Outcome);
    }

    [Fact]
    public void APitfallAlone_IsAContribution_AndMayLoseItsText()
    {
        var open = Open();
        var (retro, outcome) = RetroBoard.Add(open, Member(open, "alice-id"), ItemKind.NotWell, "", ["no_kpis"], "i1", Now);
        var emptied = RetroBoard.Edit(retro, Member(retro, "alice-id").Key, "i1", "", Now).Outcome;

        Assert.Equal(BoardOutcome.Done, outcome);
        Assert.Equal(["no_kpis"], retro.Items[0].Pitfalls);
        Assert.Equal(BoardOutcome.Done, emptied);
    }

    [Fact]
    public void OnlyTheAuthor_EditsOrWithdrawsAnItem()
    {
        var retro = Added(Open(), "alice-id", "Clear criteria", "i1");
        var bob = Member(retro, "bob-id").Key;
        var alice = Member(retro, "alice-id").Key;

        Assert.Equal(BoardOutcome.NotYourItem, RetroBoard.Edit(retro, bob, "i1", "Bob's words", Now).Outcome);
        Assert.Equal(BoardOutcome.NotYourItem, RetroBoard.Remove(retro, bob, "i1").Outcome);
        Assert.Equal(BoardOutcome.Empty, RetroBoard.Edit(retro, alice, "i1", "  ", Now).Outcome);
        var (edited, outcome) = RetroBoard.Edit(retro, alice, "i1", "Clear success criteria", Now);
        Assert.Equal(BoardOutcome.Done, outcome);
        Assert.Equal(("Clear success criteria", (DateTimeOffset?)Now), (edited.Items[0].Text, edited.Items[0].EditedAt));
        Assert.Empty(RetroBoard.Remove(edited, alice, "i1").Retro.Items);
    }

    [Fact]
    public void AMember_AddsAtMostTheirShare()
    {
        var retro = Open();
        for (var i = 0; i < Retrospective.MaxItemsPerMember; i++) retro = Added(retro, "alice-id", $"Point {i}", $"i{i}");

        Assert.Equal(BoardOutcome.TooManyOfYours, RetroBoard.Add(retro, Member(retro, "alice-id"), ItemKind.Idea, "One more", [], "x", Now).Outcome);
        Assert.Equal(BoardOutcome.Done, RetroBoard.Add(retro, Member(retro, "bob-id"), ItemKind.Idea, "Mine", [], "x", Now).Outcome);
    }

    [Fact]
    public void Votes_AreReplacedNotAdded_AndLimited()
    {
        var retro = Open();
        foreach (var n in new[] { 1, 2, 3, 4 }) retro = Added(retro, $"member-{n}", $"Idea {n}", $"i{n}", ItemKind.Idea);
        var alice = Member(retro, "alice-id").Key;

        retro = RetroBoard.SetVotes(retro, alice, ["i1", "i2"], 3).Retro;
        retro = RetroBoard.SetVotes(retro, alice, ["i2", "i3"], 3).Retro;

        Assert.Equal((0, 1, 1), (retro.VotesFor("i1"), retro.VotesFor("i2"), retro.VotesFor("i3")));
        Assert.Equal(BoardOutcome.TooManyVotes, RetroBoard.SetVotes(retro, alice, ["i1", "i2", "i3", "i4"], 3).Outcome);
        Assert.Equal(BoardOutcome.UnknownItem, RetroBoard.SetVotes(retro, alice, ["forged"], 3).Outcome);
        Assert.Equal(["i2", "i3"], RetroBoard.MyVotes(retro, alice));
    }

    [Fact]
    public void CountsAreShown_FromThreeContributorsOn()
    {
        var retro = Added(Added(Added(Open(), "alice-id", "One", "i1"), "alice-id", "Two", "i2"), "bob-id", "Three", "i3");
        Assert.False(retro.CountsShown);

        Assert.True(Added(retro, "carol-id", "Four", "i4").CountsShown);
    }

    [Fact]
    public void Closing_KeepsTheCounts_AndForgetsWhoWroteAndWhoVoted()
    {
        var retro = Open();
        foreach (var who in new[] { "alice", "bob", "carol" }) retro = Added(retro, who, $"From {who}", who);
        retro = RetroBoard.SetVotes(retro, Member(retro, "alice").Key, ["bob"], 3).Retro;
        retro = RetroBoard.SetVotes(retro, Member(retro, "carol").Key, ["bob"], 3).Retro;

        var closed = RetroBoard.Closed(retro, new RetroOutcome("deploy", "Why", [], []), "Grace Hopper", Now);

        Assert.Null(closed.Salt);
        Assert.Empty(closed.Votes);
        Assert.All(closed.Items, i => Assert.Null(i.MemberKey));
        Assert.Equal(2, closed.VotesFor("bob"));
        Assert.Equal(3, closed.Contributors);
        Assert.False(closed.TakesContributions);
    }

    [Fact]
    public void AReopenedRetro_ChangesItsDecisionOnly_TheBoardStaysAsClosed()
    {
        var retro = Added(Open(), "alice-id", "One", "i1");
        retro = RetroBoard.SetVotes(retro, Member(retro, "alice-id").Key, ["i1"], 3).Retro;
        var closed = RetroBoard.Closed(retro, new RetroOutcome("deploy", "Why", [], []), "Grace Hopper", Now);

        var reopened = RetroBoard.Reopen(closed);

        Assert.True(reopened.IsOpen);
        Assert.Null(reopened.Outcome);
        Assert.Equal(1, reopened.VotesFor("i1"));
        Assert.False(reopened.TakesContributions);
        Assert.Equal(BoardOutcome.Frozen, RetroBoard.SetVotes(reopened, "anyone", ["i1"], 3).Outcome);
        Assert.Equal(BoardOutcome.Frozen, RetroBoard.Add(reopened, new RetroMember("k", "bob-id", null), ItemKind.Idea, "Late", [], "x", Now).Outcome);
    }
}
