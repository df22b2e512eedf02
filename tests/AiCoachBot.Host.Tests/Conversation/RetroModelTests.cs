using System.Text.Json.Nodes;
using AiCoachBot.Host.Tests.Support;

namespace AiCoachBot.Host.Tests.Conversation;

/// <summary>
/// With a language model, a closing retro's summary gets a short narrative: written after the summary is shown
/// (Teams waits five seconds for a button's answer), from the summary with names masked, and labelled as AI generated.
/// </summary>
public sealed class RetroModelTests : ModelTest
{
    private const string Narrative = "The POC reached its adoption goal, so the team decided to deploy and to plan the labelling effort.";

    [Fact]
    public async Task TheSummaryIsShownAtOnce_AndTheNarrativeIsAddedForEveryone_WithNoNameSentToTheModel()
    {
        Model.Reply = _ => Narrative;
        var (channel, live) = await OpenRetroAsync(anonymous: false);
        var retroId = RetroId(live.Card);
        var alice = channel.AnotherUser("Alice Martin");
        var add = RetroData("retro.add", retroId);
        add["kind"] = "Well";
        add["text"] = "Grace Hopper's pilot group adopted the tool within a week";
        await ExecuteAsync(alice.Execute("retro.add", add, live.ResponseId));
        var close = RetroData("retro.close", retroId);
        close["decision"] = "deploy";
        close["rationale"] = "Adoption is there; Alice Martin will size the labelling work.";

        var summary = (await ExecuteAsync(channel.Execute("retro.close", close, live.ResponseId))).Body["value"]!;
        var narrated = await Connector.WaitForAsync(r => r.Method == "PUT" && r.ActivityId == live.ResponseId
            && CardReader.Texts(r.Body!["attachments"]![0]!["content"]).Contains(Narrative), "the summary with its narrative", TimeSpan.FromSeconds(15));

        Assert.DoesNotContain(Narrative, CardReader.Texts(summary));
        var texts = CardReader.Texts(narrated.Body!["attachments"]![0]!["content"]);
        Assert.Contains(Bot.En("retro.summary.aiLabel"), texts);
        var request = Assert.Single(Model.Requests);
        var (system, user) = FakeModelServer.Messages(request);
        Assert.Contains("retrospective", system);
        Assert.StartsWith("<retro>", user);
        Assert.Contains("adopted the tool within a week", user);
        Assert.DoesNotContain("Grace Hopper", user);
        Assert.DoesNotContain("Alice Martin", user);
        Assert.DoesNotContain("Email triage", user);
        Connector.MarkAllRead(channel.ConversationId); // "the retrospective is closed"
        var export = await SayAsync(channel, ActivityBuilder.Mention + " retro export", replies: 2);
        Assert.Contains(Narrative, export[1].Text);
    }
}
