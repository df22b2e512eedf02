using System.Globalization;
using System.Net;
using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Flows;
using Microsoft.Extensions.DependencyInjection;

namespace AiCoachBot.Host.Tests.Support;

/// <summary>Tests that create a project with the form and answer the framing checklist over the wire.</summary>
public abstract class FramingTest : BotTest
{
    protected CoachingContent Content => Bot.Services.GetRequiredService<CoachingContent>();

    protected static string Texts(IEnumerable<ConnectorRequest> messages) =>
        string.Join("\n", messages.Select(m => m.IsCard ? string.Join(" ", CardReader.Texts(m.Card)) : m.Text));

    /// <summary>Creates a team project with the form, as Teams posts an Action.Submit, and returns the first question.</summary>
    protected async Task<ConnectorRequest> CreateProjectAsync(ActivityBuilder channel, string name)
    {
        var form = await SayOneAsync(channel, ActivityBuilder.Mention + " frame");
        Assert.Contains(Bot.En(channel.TeamId is null ? "project.form.intro.person" : "project.form.intro.team"), CardReader.Texts(form.Card));
        var submit = CardReader.Action(form.Card, Bot.En("project.form.create"))["data"]!.DeepClone().AsObject();
        submit["name"] = name;
        submit["description"] = "Sort incoming emails";
        submit["phase"] = "framing";
        var replies = await SendAsync(channel, channel.Submit(submit, form.ResponseId), replies: 3);
        Assert.Equal(Bot.En("project.created", ("project", name)), replies[0].Text);
        return replies[2];
    }

    protected StepDefinition Step(ConnectorRequest question) => Content.Framing.Checklist.Steps.Single(s => s.Id == CardReader.StepOf(question.Card));

    /// <summary>What the question card's own input would send for a middle-of-the-road answer.</summary>
    protected static string CardValue(StepDefinition step) => step.Kind switch
    {
        StepKind.YesNo => "yes",
        StepKind.Choice or StepKind.MultiSelect => step.Options[0].Id,
        StepKind.Scale => "3",
        StepKind.Number => (step.Min ?? 0).ToString(CultureInfo.InvariantCulture),
        StepKind.Date => "2027-03-31",
        _ => "Agents spend two hours a day sorting emails.",
    };

    /// <summary>Answers each question with Action.Execute until the checklist ends; returns what the last answer posted.</summary>
    protected async Task<IReadOnlyList<ConnectorRequest>> AnswerAllAsync(ActivityBuilder channel, ConnectorRequest question)
    {
        for (var asked = 1; asked <= Content.Framing.Checklist.Steps.Count; asked++)
        {
            var data = CardReader.FlowData(question.Card).DeepClone().AsObject();
            data["answer"] = CardValue(Step(question));
            var (status, body) = await ExecuteAsync(channel.Execute("flow.answer", data, question.ResponseId));
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal(200, body["statusCode"]!.GetValue<int>());
            var posted = Connector.UnreadMessages(channel.ConversationId).Count;
            var replies = await Connector.NextMessagesAsync(channel.ConversationId, posted);
            if (replies.Count == 1 && replies[0].IsCard && CardReader.Actions(replies[0].Card).Any(a => a["verb"]?.GetValue<string>() == "flow.answer"))
            {
                question = replies[0];
                continue;
            }
            return replies;
        }
        throw new Xunit.Sdk.XunitException("The checklist asked more questions than it has.");
    }
}
