using AiCoachBot.Host.Tests.Support;
using static AiCoachBot.Host.Tests.Support.Expect;

namespace AiCoachBot.Host.Tests.Conversation;

/// <summary>The host test flow answered by typing, as scripts of "user says / bot answers".</summary>
public sealed class FlowConversationTests : BotTest
{
    [Fact]
    public async Task TypedAnswers_InvalidOnesAreExplainedAndAskedAgain_ValidOnesLeadToTheSummary() =>
        await TalkAsync(PersonalChat(),
            new Line(HostTestFlow.TriggerEn, Asks("sponsor")),
            new Line("maybe", Tells("flow.invalid.yesno"), Asks("sponsor")),
            new Line("yes", Asks("stage")),
            new Line("somewhere in between", Tells("flow.invalid.choice"), Asks("stage")),
            new Line("pilot", Asks("quality")),
            new Line("9", Tells("flow.invalid.scale"), Asks("quality")),
            new Line("4", Asks("budget")),
            new Line("5000", Tells("flow.invalid.numberRange", ("min", "0"), ("max", "100")), Asks("budget")),
            new Line("a lot", Tells("flow.invalid.numberRange", ("min", "0"), ("max", "100")), Asks("budget")),
            new Line("42", Asks("golive")),
            new Line("someday", Tells("flow.invalid.date"), Asks("golive")),
            new Line("2027-03-31", Asks("goal")),
            new Line("Halve the time it takes to process an invoice", Asks("risks")),
            new Line("data, weather", Tells("flow.invalid.multiselect"), Asks("risks")),
            new Line("data, people, legal, cost", Tells("flow.invalid.multiselectCount", ("min", "1"), ("max", "3")), Asks("risks")),
            new Line("data, legal",
                Summarizes("Yes", "Pilot", "4/5", "42", "31 March 2027", "Halve the time it takes to process an invoice", "Data, Legal")),
            new Line("back", Tells("command.nothingToGoBack")));

    [Fact]
    public async Task FrenchUser_WalksTheFlowInFrench() =>
        await TalkAsync(PersonalChat(locale: "fr-FR"),
            new Line(HostTestFlow.TriggerFr, Asks("sponsor")),
            new Line("peut-être", Tells("flow.invalid.yesno"), Asks("sponsor")),
            new Line("oui", Asks("stage")),
            new Line("Pilote", Asks("quality")),
            new Line("4", Asks("budget")),
            new Line("42,5", Asks("golive")),
            new Line("31/03/2027", Asks("goal")),
            new Line("Diviser par deux le temps de traitement d'une facture", Asks("risks")),
            new Line("données, juridique",
                Summarizes("Oui", "Pilote", "4/5", "42,5", "31 mars 2027", "Diviser par deux le temps de traitement d'une facture", "Données, Juridique")));

    [Fact]
    public async Task Back_ReturnsToThePreviousQuestion_AndTheNewAnswerIsKept() =>
        await TalkAsync(PersonalChat(),
            new Line(HostTestFlow.TriggerEn, Asks("sponsor")),
            new Line("back", Tells("flow.atFirstQuestion"), Asks("sponsor")),
            new Line("no", Asks("stage")),
            new Line("2", Asks("quality")),
            new Line("back", Asks("stage")),
            new Line("Production", Asks("quality")),
            new Line("1", Asks("budget")),
            new Line("0", Asks("golive")),
            new Line("2026-12-01", Asks("goal")),
            new Line("Fewer late payments", Asks("risks")),
            new Line("3", Summarizes("No", "Production", "1/5", "0", "1 December 2026", "Fewer late payments", "Legal")));

    [Fact]
    public async Task RestartThenCancel_StartsOverThenLeavesNothingToGoBackTo() =>
        await TalkAsync(PersonalChat(),
            new Line(HostTestFlow.TriggerEn, Asks("sponsor")),
            new Line("yes", Asks("stage")),
            new Line("discovery", Asks("quality")),
            new Line("restart", Tells("flow.restarted"), Asks("sponsor")),
            new Line("no", Asks("stage")),
            new Line("cancel", Tells("flow.cancelled")),
            new Line("back", Tells("command.nothingToGoBack")),
            new Line("restart", Tells("command.nothingToRestart")),
            new Line("yes", Tells("message.notUnderstood")));

    [Fact]
    public async Task HelpOrTheTriggerMidFlow_RemindsWhereTheUserIs() =>
        await TalkAsync(PersonalChat(),
            new Line(HostTestFlow.TriggerEn, Asks("sponsor")),
            new Line("yes", Asks("stage")),
            new Line("help", ShowsCard("help.title"), Tells("flow.inProgress", ("index", "2"), ("count", "7")), Asks("stage")),
            new Line(HostTestFlow.TriggerEn, Tells("flow.resumed"), Asks("stage")),
            new Line("pilot", Asks("quality")));
}
