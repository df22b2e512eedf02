using AiCoachBot.Coaching.Coach;
using AiCoachBot.Coaching.Localization;
using AiCoachBot.Host.Tests.Support;

namespace AiCoachBot.Host.Tests.Conversation;

/// <summary>"Explain" through the language model: the finding goes as data under the explain instructions, the answer is labelled.</summary>
public sealed class ExplainModelTests : ModelTest
{
    [Fact]
    public async Task ExplainWithAModel_SendsTheFindingAsData_UnderTheExplainInstructions_AndLabelsTheAnswer()
    {
        Model.Reply = _ => "Your answers show no measured baseline yet [1]. Start by measuring this week.";
        var channel = TeamChannel();
        var end = await AnswerAllAsync(channel, await CreateProjectAsync(channel, "Email triage"));
        var explain = CardReader.BodyActions(end[1].Card).First(a => (string?)a["title"] == Bot.En("explain.button"));

        var answer = (await SendAsync(channel, channel.Submit(CardData(explain["data"])), replies: 1))[0];

        var (system, user) = FakeModelServer.Messages(Model.Requests.Last());
        Assert.Equal(CoachPrompts.Fill(Content.Prompts.Explain, Language.En, CoachRequest.MaxWords), system);
        Assert.Contains("<finding>\nfinding: ", user);
        Assert.Contains("<project>\nphase: ", user);
        Assert.DoesNotContain("Email triage", user);
        Assert.StartsWith("**Why", answer.Text);
        Assert.Contains("Your answers show no measured baseline yet [1].", answer.Text);
        Assert.EndsWith(Bot.En("explain.neverScores"), answer.Text);
        Assert.Equal("AIGeneratedContent", answer.Body!["entities"]![0]!["additionalType"]![0]!.GetValue<string>());
    }
}
