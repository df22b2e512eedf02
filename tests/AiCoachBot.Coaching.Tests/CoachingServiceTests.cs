using System.Text.Json.Nodes;
using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Conversation;
using AiCoachBot.Coaching.Flows;
using AiCoachBot.Coaching.State;
using AiCoachBot.Coaching.Tests.Support;
using Microsoft.Extensions.Options;

namespace AiCoachBot.Coaching.Tests;

public sealed class CoachingServiceTests
{
    private static readonly CoachingContent Content = CoachingContent.Load(Paths.Content, [Paths.TestFlows]);
    private static readonly ConversationScope Personal = new("tenant-1", "a:personal-1", ConversationKind.Personal, null);
    private readonly InMemoryDocumentStore _store = new();
    private readonly CoachingService _coach;

    public CoachingServiceTests() =>
        _coach = new CoachingService(Content, _store, new ManualClock(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero)), Options.Create(new ContentOptions()));

    private static UserTurn Says(string text, string locale = "en-US") => new(Personal, "user-1", "Alex Wilber", locale, text, null);

    private static UserTurn Presses(JsonObject data, string? verb = null) => new(Personal, "user-1", "Alex Wilber", "en-US", null, data, verb);

    private Task<TurnResult> Say(string text, string locale = "en-US") => _coach.OnMessageAsync(Says(text, locale), CancellationToken.None);

    private static string AllText(TurnResult result) =>
        string.Join("\n", result.Messages.Select(m => m.Text ?? CardText.Of(m.Card))) + (result.Notice ?? "") + CardText.Of(result.ReplaceCard);

    private static JsonObject LastCardData(TurnResult result) =>
        (JsonObject)result.Messages.Last().Card!["actions"]![0]!["data"]!.DeepClone();

    [Fact]
    public async Task Install_SaysHelloOnce_HoweverManyInstallEventsArrive()
    {
        var first = await _coach.OnInstalledAsync(Personal, "Alex Wilber", "en-US", CancellationToken.None);
        var second = await _coach.OnInstalledAsync(Personal, "Alex Wilber", "en-US", CancellationToken.None);
        Assert.Contains("Hello Alex, I'm AiCoachBot", AllText(first));
        Assert.Empty(second.Messages);
    }

    [Fact]
    public async Task Install_RacingEvents_StillGreetOnce()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => _coach.OnInstalledAsync(Personal, null, "fr-FR", CancellationToken.None))));
        var greeting = Assert.Single(results.SelectMany(r => r.Messages));
        Assert.Contains("je suis AiCoachBot", CardText.Of(greeting.Card));
    }

    [Fact]
    public async Task Install_InATeam_GreetsOncePerTeam_NotPerChannel()
    {
        var general = new ConversationScope("tenant-1", "19:general@thread.tacv2", ConversationKind.Channel, "team-1");
        var other = general with { ConversationId = "19:other@thread.tacv2" };
        Assert.Single((await _coach.OnInstalledAsync(general, null, "en-US", CancellationToken.None)).Messages);
        Assert.Empty((await _coach.OnInstalledAsync(other, null, "en-US", CancellationToken.None)).Messages);
    }

    [Fact]
    public async Task Help_AnswersWithTheHelpCard_InTheUsersLanguage()
    {
        Assert.Contains("What I can do", AllText(await Say("help")));
        Assert.Contains("Ce que je sais faire", AllText(await Say("aide", "fr-FR")));
        Assert.Contains("Ce que je sais faire", AllText(await Say("help", "fr-CA")));
    }

    [Fact]
    public async Task UnknownText_WithoutAFlow_PointsToHelp() =>
        Assert.Contains("Type **help**", AllText(await Say("what is the weather like")));

    [Fact]
    public async Task TooLongText_IsRefusedPolitely_AndNothingIsStored()
    {
        var result = await Say(new string('a', 5000));
        Assert.Contains("too long", AllText(result));
        Assert.Empty(_store.Keys);
    }

    [Fact]
    public async Task Flow_StartsWithItsFirstQuestionCard()
    {
        var result = await Say("all kinds");
        var card = Assert.Single(result.Messages).Card!;
        Assert.Contains("Question 1 of 7 · All kinds", CardText.Of(card));
        Assert.Contains("Is a sponsor named?", CardText.Of(card));
    }

    [Fact]
    public async Task InvalidTypedAnswer_IsExplained_AndTheSameQuestionIsAskedAgain()
    {
        await Say("all kinds");
        var writes = _store.Writes;
        var result = await Say("perhaps");
        Assert.Equal("Please answer yes or no.", result.Messages[0].Text);
        Assert.Contains("Question 1 of 7", CardText.Of(result.Messages[1].Card));
        Assert.Equal(writes, _store.Writes);
    }

    [Fact]
    public async Task CardButton_AnswersReplaceTheCard_AndTheNextQuestionFollows()
    {
        var data = LastCardData(await Say("all kinds"));
        var result = await _coach.OnCardActionAsync(Presses(data, FlowCardData.AnswerAction), CancellationToken.None);
        Assert.Contains("✓ Yes", CardText.Of(result.ReplaceCard));
        Assert.Contains("Question 2 of 7", CardText.Of(Assert.Single(result.Messages).Card));
    }

    [Fact]
    public async Task PressingAnOldCard_IsRefused_WithoutChangingAnything()
    {
        var data = LastCardData(await Say("all kinds"));
        await Say("yes");
        var writes = _store.Writes;
        var result = await _coach.OnCardActionAsync(Presses(data, FlowCardData.AnswerAction), CancellationToken.None);
        Assert.Contains("no longer open", result.Notice);
        Assert.Null(result.ReplaceCard);
        Assert.Equal(writes, _store.Writes);
    }

    [Fact]
    public async Task TamperedCardValue_GetsAClearAnswer()
    {
        await Say("all kinds");
        var forged = new JsonObject { ["action"] = "flow.answer", ["flow"] = "all-kinds", ["step"] = "sponsor", ["token"] = "not-a-number" };
        Assert.Contains("could not read", AllText(await _coach.OnMessageAsync(Presses(forged), CancellationToken.None)));
        var unknown = new JsonObject { ["command"] = "drop tables" };
        Assert.Contains("could not read", AllText(await _coach.OnMessageAsync(Presses(unknown), CancellationToken.None)));
    }

    [Fact]
    public async Task InvalidValue_ThroughACardButton_ShowsTheErrorOnTheCard()
    {
        await Say("all kinds");
        await Say("yes");
        var data = LastCardData(await Say("help"));
        data["answer"] = "astronomy";
        var result = await _coach.OnCardActionAsync(Presses(data, FlowCardData.AnswerAction), CancellationToken.None);
        Assert.Empty(result.Messages);
        Assert.Contains("Please pick one of the options", CardText.Of(result.ReplaceCard));
    }

    [Fact]
    public async Task BackRestartCancel_WorkAtAnyPoint()
    {
        await Say("all kinds");
        await Say("yes");
        Assert.Contains("Is a sponsor named?", AllText(await Say("back")));
        Assert.Contains("This is already the first question", AllText(await Say("retour")));
        await Say("no");
        Assert.Contains("starts again from the first question", AllText(await Say("restart")));
        Assert.Contains("is stopped", AllText(await Say("cancel")));
        Assert.Contains("nothing to cancel", AllText(await Say("cancel")));
        Assert.Contains("no question to go back to", AllText(await Say("back")));
        Assert.Empty(_store.Keys);
    }

    [Fact]
    public async Task Help_DuringAFlow_SaysWhereTheUserIs_AndAsksAgain()
    {
        await Say("all kinds");
        await Say("yes");
        var result = await Say("help");
        Assert.Equal(3, result.Messages.Count);
        Assert.Contains("You are in All kinds, question 2 of 7", result.Messages[1].Text);
        Assert.Contains("Which phase?", CardText.Of(result.Messages[2].Card));
    }

    [Fact]
    public async Task CompletingTheFlow_ShowsASummary_AndForgetsTheSession()
    {
        await Say("all kinds");
        foreach (var answer in new[] { "yes", "poc", "4", "120", "2027-01-15", "Predict churn" }) await Say(answer);
        var summary = AllText(await Say("gdpr, bias"));
        Assert.Contains("All kinds: done", summary);
        Assert.Contains("Predict churn", summary);
        Assert.Contains("Personal data, Bias", summary);
        Assert.Empty(_store.Keys);
    }

    [Fact]
    public async Task TwoTurnsRacingOnOneSession_NeitherWriteIsLost()
    {
        await Say("all kinds");
        // While this "yes" is being decided, another "yes" lands first: the first one must be decided again
        // from the fresh state (now the choice question), not overwrite it.
        _store.BeforeNextWrite = () => Say("yes");
        var late = await Say("yes");
        Assert.Equal("Please pick one of the options on the card, or type its name or number.", late.Messages[0].Text);
        var session = await _store.ReadAsync(StateKeys.Session("tenant-1", "a:personal-1", "user-1"), CoachingJsonContext.Default.UserSession, CancellationToken.None);
        Assert.Equal(1, session!.Value.ActiveFlow!.StepIndex);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("{\"activeFlow\":{\"flowId\":42}}")]
    public async Task StoredSessionThisVersionCannotRead_IsReplaced_NotALockOut(string unreadable)
    {
        var key = StateKeys.Session("tenant-1", "a:personal-1", "user-1");
        await _store.WriteAsync(key, unreadable, ifMatch: null, CancellationToken.None);

        Assert.Contains("nothing to cancel", AllText(await Say("cancel")));
        Assert.Contains("Question 1 of 7", AllText(await Say("all kinds")));
        Assert.Contains("Question 2 of 7", AllText(await Say("yes")));
    }

    [Fact]
    public async Task OversizedAnswerFromACard_IsRefusedPolitely()
    {
        var data = LastCardData(await Say("all kinds"));
        data["answer"] = string.Concat(Enumerable.Repeat("<at>", 20_000));
        var result = await _coach.OnMessageAsync(Presses(data), CancellationToken.None);
        Assert.Contains("too long", AllText(result));
    }

    [Fact]
    public async Task UsersInOneChannel_HaveTheirOwnFlows()
    {
        var channel = new ConversationScope("tenant-1", "19:c@thread.tacv2;messageid=1", ConversationKind.Channel, "team-1");
        await _coach.OnMessageAsync(new UserTurn(channel, "user-1", null, "en-US", "all kinds", null), CancellationToken.None);
        var other = await _coach.OnMessageAsync(new UserTurn(channel, "user-2", null, "en-US", "yes", null), CancellationToken.None);
        Assert.Contains("Type **help**", AllText(other));
    }
}
