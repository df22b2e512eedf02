using AiCoachBot.Coaching.Projects;
using AiCoachBot.Coaching.Retros;

namespace AiCoachBot.Coaching.Tests;

/// <summary>What members may do to an open retro, and what closing keeps and forgets.</summary>
public sealed class RetroBoardTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);

    private static Retrospective Open(bool anonymous = true, DateTimeOffset? deadline = null) => new(
        "r1", "p1", new ProjectOwnership("t", ProjectOwnerKind.Team, "team"), "poc", anonymous, "en", "facilitator-id", "Grace Hopper",
        Now.AddDays(-1), deadline, new DateOnly(2026, 11, 1), [], [], RetroPseudonym.NewSecret());

    [Fact]
    public void AnAnonymousItem_KeepsNoAuthor_OnlyAPseudonymThatIsNotTheId()
    {
        var (retro, outcome) = RetroBoard.Add(Open(), "alice-id", "Alice Martin", ItemKind.Well, "Clear criteria", [], "i1", Now);

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
        var (retro, _) = RetroBoard.Add(Open(anonymous: false), "alice-id", "Alice Martin", ItemKind.Well, "Clear criteria", [], "i1", Now);

        Assert.Equal(("alice-id", "Alice Martin"), (retro.Items[0].AuthorId, retro.Items[0].AuthorName));
    }

    [Fact]
    public void ThePseudonym_DiffersFromOneRetroToTheNext()
    {
        var first = RetroBoard.MemberKey(Open(), "alice-id");
        var second = RetroBoard.MemberKey(Open(), "alice-id");

        Assert.NotEqual(first, second);
    }

    [Theory]
    [InlineData("", ItemKind.Well, BoardOutcome.Empty)]
    [InlineData("   ", ItemKind.Well, BoardOutcome.Empty)]
    public void NothingToSay_IsRefused(string text, ItemKind kind, BoardOutcome expected)
    {
        var (retro, outcome) = RetroBoard.Add(Open(), "alice-id", null, kind, text.Trim(), [], "i1", Now);

        Assert.Equal(expected, outcome);
        Assert.Empty(retro.Items);
    }

    [Fact]
    public void ATooLongItem_AndAnItemAfterTheDeadline_AreRefused()
    {
        var tooLong = RetroBoard.Add(Open(), "alice-id", null, ItemKind.Idea, new string('x', Retrospective.MaxItemLength + 1), [], "i1", Now).Outcome;
        var late = RetroBoard.Add(Open(deadline: Now.AddMinutes(-1)), "alice-id", null, ItemKind.Idea, "Late idea", [], "i1", Now).Outcome;

        Assert.Equal(BoardOutcome.TooLong, tooLong);
        Assert.Equal(BoardOutcome.DeadlinePassed, late);
    }

    [Fact]
    public void APitfallAlone_IsAContribution()
    {
        var (retro, outcome) = RetroBoard.Add(Open(), "alice-id", null, ItemKind.NotWell, "", ["no_kpis"], "i1", Now);

        Assert.Equal(BoardOutcome.Done, outcome);
        Assert.Equal(["no_kpis"], retro.Items[0].Pitfalls);
    }

    [Fact]
    public void OnlyTheAuthor_EditsOrWithdrawsAnItem()
    {
        var (retro, _) = RetroBoard.Add(Open(), "alice-id", null, ItemKind.Well, "Clear criteria", [], "i1", Now);

        Assert.Equal(BoardOutcome.NotYourItem, RetroBoard.Edit(retro, "bob-id", "i1", "Bob's words", Now).Outcome);
        Assert.Equal(BoardOutcome.NotYourItem, RetroBoard.Remove(retro, "bob-id", "i1").Outcome);
        var (edited, outcome) = RetroBoard.Edit(retro, "alice-id", "i1", "Clear success criteria", Now);
        Assert.Equal(BoardOutcome.Done, outcome);
        Assert.Equal("Clear success criteria", edited.Items[0].Text);
        Assert.Equal(Now, edited.Items[0].EditedAt);
        Assert.Empty(RetroBoard.Remove(edited, "alice-id", "i1").Retro.Items);
    }

    [Fact]
    public void Votes_AreReplacedNotAdded_AndLimited()
    {
        var retro = Open();
        foreach (var (id, n) in new[] { ("i1", 1), ("i2", 2), ("i3", 3), ("i4", 4) })
            retro = RetroBoard.Add(retro, $"member-{n}", null, ItemKind.Idea, $"Idea {n}", [], id, Now).Retro;

        retro = RetroBoard.SetVotes(retro, "alice-id", ["i1", "i2"], 3).Retro;
        retro = RetroBoard.SetVotes(retro, "alice-id", ["i2", "i3"], 3).Retro;

        Assert.Equal((0, 1, 1), (retro.VotesFor("i1"), retro.VotesFor("i2"), retro.VotesFor("i3")));
        Assert.Equal(BoardOutcome.TooManyVotes, RetroBoard.SetVotes(retro, "alice-id", ["i1", "i2", "i3", "i4"], 3).Outcome);
        Assert.Equal(BoardOutcome.UnknownItem, RetroBoard.SetVotes(retro, "alice-id", ["forged"], 3).Outcome);
        Assert.Equal(["i2", "i3"], RetroBoard.MyVotes(retro, "alice-id"));
    }

    [Fact]
    public void CountsAreShown_FromThreeContributorsOn()
    {
        var retro = Open();
        retro = RetroBoard.Add(retro, "alice-id", null, ItemKind.Well, "One", [], "i1", Now).Retro;
        retro = RetroBoard.Add(retro, "alice-id", null, ItemKind.Well, "Two", [], "i2", Now).Retro;
        retro = RetroBoard.Add(retro, "bob-id", null, ItemKind.Well, "Three", [], "i3", Now).Retro;
        Assert.False(retro.CountsShown);

        retro = RetroBoard.Add(retro, "carol-id", null, ItemKind.Well, "Four", [], "i4", Now).Retro;
        Assert.True(retro.CountsShown);
    }

    [Fact]
    public void Closing_KeepsTheCounts_AndForgetsWhoWroteAndWhoVoted()
    {
        var retro = Open();
        foreach (var who in new[] { "alice-id", "bob-id", "carol-id" })
            retro = RetroBoard.Add(retro, who, null, ItemKind.Well, $"From {who[..3]}", [], who[..3], Now).Retro;
        retro = RetroBoard.SetVotes(retro, "alice-id", ["bob"], 3).Retro;
        retro = RetroBoard.SetVotes(retro, "carol-id", ["bob"], 3).Retro;

        var closed = RetroBoard.Closed(retro, new RetroOutcome("deploy", "Why", [], []), "Grace Hopper", Now);

        Assert.Null(closed.Secret);
        Assert.Empty(closed.Votes);
        Assert.All(closed.Items, i => Assert.Null(i.MemberKey));
        Assert.Equal(2, closed.VotesFor("bob"));
        Assert.Equal(3, closed.Contributors);
        Assert.Empty(RetroBoard.Mine(closed, "alice-id"));
        Assert.Equal(BoardOutcome.NotOpen, RetroBoard.Add(closed, "alice-id", null, ItemKind.Idea, "Late", [], "x", Now).Outcome);
    }

    [Fact]
    public void Reopening_KeepsTheCounts_WithANewKey()
    {
        var retro = RetroBoard.Add(Open(), "alice-id", null, ItemKind.Well, "One", [], "i1", Now).Retro;
        retro = RetroBoard.SetVotes(retro, "alice-id", ["i1"], 3).Retro;
        var closed = RetroBoard.Closed(retro, new RetroOutcome("deploy", "Why", [], []), "Grace Hopper", Now);

        var reopened = RetroBoard.Reopened(closed);
        reopened = RetroBoard.SetVotes(reopened, "bob-id", ["i1"], 3).Retro;

        Assert.True(reopened.IsOpen);
        Assert.Null(reopened.Outcome);
        Assert.Equal(2, reopened.VotesFor("i1"));
        Assert.Equal(BoardOutcome.NotYourItem, RetroBoard.Edit(reopened, "alice-id", "i1", "Changed", Now).Outcome);
    }
}
