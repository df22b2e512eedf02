using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Flows;
using AiCoachBot.Host.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AiCoachBot.Host.Tests.Conversation;

/// <summary>The framing checklist over the wire, in a team channel: project form, questions, scorecard, export; and what a tampered card gets.</summary>
public sealed class FramingTests : FramingTest
{
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
