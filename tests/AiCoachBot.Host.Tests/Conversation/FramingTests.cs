using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Flows;
using AiCoachBot.Host.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AiCoachBot.Host.Tests.Conversation;

/// <summary>The framing checklist over the wire, in a team channel: project form, questions, scorecard, export; and what a tampered card gets.</summary>
public sealed class FramingTests : BotTest
{
    private CoachingContent Content => Bot.Services.GetRequiredService<CoachingContent>();

    private static string Texts(IEnumerable<ConnectorRequest> messages) =>
        string.Join("\n", messages.Select(m => m.IsCard ? string.Join(" ", CardReader.Texts(m.Card)) : m.Text));

    /// <summary>Creates a team project with the form, as Teams posts an Action.Submit, and returns the first question.</summary>
    private async Task<ConnectorRequest> CreateProjectAsync(ActivityBuilder channel, string name)
    {
        var form = await SayOneAsync(channel, ActivityBuilder.Mention + " frame");
        Assert.Contains(Bot.En("project.form.intro.team"), CardReader.Texts(form.Card));
        var submit = CardReader.Action(form.Card, Bot.En("project.form.create"))["data"]!.DeepClone().AsObject();
        submit["name"] = name;
        submit["description"] = "Sort incoming emails";
        submit["phase"] = "framing";
        var replies = await SendAsync(channel, channel.Submit(submit, form.ResponseId), replies: 3);
        Assert.Equal(Bot.En("project.created", ("project", name)), replies[0].Text);
        return replies[2];
    }

    private StepDefinition Step(ConnectorRequest question) => Content.Framing.Checklist.Steps.Single(s => s.Id == CardReader.StepOf(question.Card));

    /// <summary>What the question card's own input would send for a middle-of-the-road answer.</summary>
    private static string CardValue(StepDefinition step) => step.Kind switch
    {
        StepKind.YesNo => "yes",
        StepKind.Choice or StepKind.MultiSelect => step.Options[0].Id,
        StepKind.Scale => "3",
        StepKind.Number => (step.Min ?? 0).ToString(CultureInfo.InvariantCulture),
        StepKind.Date => "2027-03-31",
        _ => "Agents spend two hours a day sorting emails.",
    };

    /// <summary>Answers each question with Action.Execute until the checklist ends; returns what the last answer posted.</summary>
    private async Task<IReadOnlyList<ConnectorRequest>> AnswerAllAsync(ActivityBuilder channel, ConnectorRequest question)
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

    [Fact]
    public async Task FramingInAChannel_CreatesATeamProject_AndEndsWithTheScorecard()
    {
        var channel = TeamChannel();
        var end = await AnswerAllAsync(channel, await CreateProjectAsync(channel, "Email triage"));

        Assert.Equal(2, end.Count);
        Assert.Equal(Content.Framing.Checklist.Completion.En, end[0].Text);
        var scorecard = CardReader.Texts(end[1].Card);
        Assert.Equal(Bot.En("scorecard.title", ("project", "Email triage")), scorecard[0]);
        Assert.Contains(scorecard, t => t.StartsWith("EU AI Act", StringComparison.Ordinal));

        var colleague = channel.AnotherUser("Linus Torvalds");
        var list = await SayOneAsync(colleague, ActivityBuilder.Mention + " projects");
        Assert.Contains("Email triage", CardReader.Texts(list.Card));
    }

    [Fact]
    public async Task Export_InAChannel_PostsTheAssessmentAsMarkdownMessages()
    {
        var channel = TeamChannel();
        await AnswerAllAsync(channel, await CreateProjectAsync(channel, "Email triage"));

        Connector.MarkAllRead(channel.ConversationId);
        using var response = await Bot.PostAsync(channel.Message(ActivityBuilder.Mention + " export"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var messages = await Connector.NextMessagesAsync(channel.ConversationId, Connector.UnreadMessages(channel.ConversationId).Count);

        Assert.Equal(Bot.En("export.intro", ("project", "Email triage")), messages[0].Text);
        Assert.StartsWith("# Framing assessment: Email triage", messages[1].Text);
        Assert.All(messages, m => Assert.Equal("markdown", m.Body!["textFormat"]!.GetValue<string>()));
    }

    [Fact]
    public async Task AProjectOfAnotherTeam_IsRefused_WhateverTheButtonSays()
    {
        var teamA = TeamChannel();
        await CreateProjectAsync(teamA, "Email triage");
        await SayOneAsync(teamA, ActivityBuilder.Mention + " cancel");
        var picker = await SayOneAsync(teamA, ActivityBuilder.Mention + " frame");
        var projectId = picker.Card["body"]!.AsArray().Single(e => e?["id"]?.GetValue<string>() == "project")!["value"]!.GetValue<string>();

        var teamB = TeamChannel();
        foreach (var command in new[] { "frame", "project", "export" })
        {
            var refusal = await SendAsync(teamB, teamB.Submit(new JsonObject { ["command"] = command, ["project"] = projectId }), replies: 1);
            Assert.Equal(Bot.En("project.notYours"), refusal[0].Text);
        }
    }

    [Fact]
    public async Task TamperedAnswers_GetAClearMessage_AndTheSameQuestionStaysOpen()
    {
        var channel = TeamChannel();
        var question = await CreateProjectAsync(channel, "Email triage");
        var data = CardReader.FlowData(question.Card);

        var otherStep = data.DeepClone().AsObject();
        otherStep["step"] = Content.Framing.Checklist.Steps[5].Id;
        otherStep["answer"] = "yes";
        var oldToken = data.DeepClone().AsObject();
        oldToken["token"] = data["token"]!.GetValue<int>() - 1;
        oldToken["answer"] = "An answer";
        var unknownStep = data.DeepClone().AsObject();
        unknownStep["step"] = "no_such_question";
        foreach (var tampered in new[] { otherStep, oldToken, unknownStep })
        {
            var (status, body) = await ExecuteAsync(channel.Execute("flow.answer", tampered, question.ResponseId));
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal(Bot.En("flow.stale"), body["value"]!.GetValue<string>());
        }

        var tooLong = data.DeepClone().AsObject();
        tooLong["answer"] = new string('x', Step(question).MaxLength + 1);
        var (_, refused) = await ExecuteAsync(channel.Execute("flow.answer", tooLong, question.ResponseId));
        Assert.Equal("application/vnd.microsoft.card.adaptive", refused["type"]!.GetValue<string>());
        Assert.Contains(CardReader.Texts(refused["value"]), t => t.Contains(Step(question).MaxLength.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));

        Assert.Empty(Connector.UnreadMessages(channel.ConversationId));
        var valid = data.DeepClone().AsObject();
        valid["answer"] = CardValue(Step(question));
        var (_, accepted) = await ExecuteAsync(channel.Execute("flow.answer", valid, question.ResponseId));
        Assert.Equal(Bot.En("flow.answered", ("answer", CardValue(Step(question)))), CardReader.Texts(accepted["value"])[^1]);
    }

    [Theory]
    [InlineData("""{"command":"project.create","name":"","phase":"framing"}""", "project.form.nameRequired")]
    [InlineData("""{"command":"project.create","name":"X","phase":"'; DROP TABLE documents;--"}""", "project.form.phaseInvalid")]
    [InlineData("""{"command":"project.create","name":{"nested":true},"phase":"framing"}""", "project.form.nameRequired")]
    [InlineData("""{"command":"project.create","name":"X","phase":"framing","description":12}""", null)]
    public async Task TamperedProjectForms_AreAnsweredWithTheForm_OrHandledAsTyped(string value, string? errorKey)
    {
        var channel = TeamChannel();
        var replies = await SendAsync(channel, channel.Submit(JsonNode.Parse(value)), replies: errorKey is null ? 3 : 1);
        if (errorKey is null) return; // a non-text description is read as empty: the project is created
        var reason = errorKey == "project.form.nameRequired" ? Bot.En(errorKey, ("max", "80")) : Bot.En(errorKey);
        Assert.Contains(reason, CardReader.Texts(replies[0].Card));
        Assert.Equal(Bot.En("projects.none.team"), (await SayOneAsync(channel, ActivityBuilder.Mention + " projects")).Text);
    }
}
