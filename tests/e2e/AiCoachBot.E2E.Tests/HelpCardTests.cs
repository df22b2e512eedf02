using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using AiCoachBot.E2E.Tests.Support;

namespace AiCoachBot.E2E.Tests;

/// <summary>A Teams user asks for help in the personal chat and follows the help card's Privacy button.</summary>
public sealed class HelpCardTests(PlaygroundFixture playground, ITestOutputHelper output) : IClassFixture<PlaygroundFixture>
{
    // What the user types, and text that only the help card shows (the welcome card has a Privacy button too).
    private const string HelpCommand = "help";
    private const string HelpCardText = "What I can do";

    // The help card's button to click, and text that only the bot's answer to it shows. Not /privacy/i: the
    // welcome and help cards match it (their Privacy buttons), and the welcome can arrive after "help" was sent,
    // while the privacy card itself ("Your data and AiCoachBot") does not say "privacy".
    private const string PrivacyButtonTitle = "Privacy";
    private static readonly Regex PrivacyAnswer = new("your data", RegexOptions.IgnoreCase);

    [Fact]
    public Task Help_PrivacyButtonClicked_BotAnswersWithPrivacyCard() => InPlaygroundAsync(async chat =>
    {
        await chat.SendAsync(HelpCommand);
        var helpCard = await chat.WaitForCardAsync(HelpCardText);

        var privacyCardsBefore = await chat.CountCardsAsync(PrivacyAnswer);
        await chat.ClickCardButtonAsync(helpCard, PrivacyButtonTitle);

        // Action.Submit shows nothing by itself in the chat: only the bot's new card proves the click reached it.
        await chat.WaitForNewCardAsync(PrivacyAnswer, privacyCardsBefore);
    });

    // The sample flow of flows/e2e-sample.yaml: its trigger, its two questions, and what its cards say.
    private const string SampleTrigger = "sample check";
    private const string SponsorQuestion = "Is there a named business sponsor?";
    private const string QualityQuestion = "How good is the data today?";
    private const string AnsweredYes = "✓ Yes";
    private static readonly Regex SampleCompleted = new("the sample check is complete", RegexOptions.IgnoreCase);

    [Fact]
    public Task FlowQuestion_AnsweredWithActionExecute_CardIsReplacedAndTheNextQuestionFollows() => InPlaygroundAsync(async chat =>
    {
        await chat.SendAsync(SampleTrigger);
        var question = await chat.WaitForCardAsync(SponsorQuestion);

        // Action.Execute: the bot answers the invoke with the answered card, which replaces the question in place.
        await chat.ClickCardButtonAsync(question, "Yes");
        await chat.WaitForCardAsync(AnsweredYes);
        await chat.WaitForCardAsync(QualityQuestion);

        // The next question can also be answered by typing, as in a client that shows no cards.
        var summariesBefore = await chat.CountCardsAsync(SampleCompleted);
        await chat.SendAsync("4");
        await chat.WaitForNewCardAsync(SampleCompleted, summariesBefore);
    });

    private Task InPlaygroundAsync(Func<PlaygroundChat, Task> steps, [CallerMemberName] string testName = "") =>
        PlaygroundChat.RunAsync(playground, output, steps, testName);
}
