using System.Text.Json.Nodes;
using AiCoachBot.Coaching.Projects;
using AiCoachBot.Host.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AiCoachBot.Host.Tests.Conversation;

/// <summary>"Explain" on a scorecard gap: why the rule applies to this project, from its own answers; never a score change.</summary>
public sealed class ExplainTests : FramingTest
{
    [Fact]
    public async Task ExplainOnAGap_GivesTheRuleItsSourceTheAnswersBehindIt_WhatToDoFirst_AndArticlesToRead()
    {
        var channel = TeamChannel();
        var end = await AnswerAllAsync(channel, await CreateProjectAsync(channel, "Email triage"));
        var explain = CardReader.BodyActions(end[1].Card).First(a => (string?)a["title"] == Bot.En("explain.button"));
        var ruleId = explain["data"]!["finding"]!.GetValue<string>();
        var rule = Content.Framing.Rules.Rules.Single(r => r.Id == ruleId);
        var before = await ProjectAsync(channel);

        var answer = (await SendAsync(channel, channel.Submit(CardData(explain["data"])), replies: 1))[0];

        var dimension = Content.Framing.Rules.Dimensions.Single(d => d.Id == rule.Gap!.Dimension).Title.En;
        Assert.StartsWith($"**{Bot.En("explain.gap.title", ("finding", dimension), ("project", "Email triage"))}**", answer.Text);
        Assert.Contains(Bot.En("explain.rule", ("rationale", rule.Rationale.En), ("source", rule.Source)), answer.Text);
        Assert.Contains(Content.Framing.Rules.Remedies[rule.Gap!.Remedy].En, answer.Text);
        Assert.Contains(Bot.En("explain.read"), answer.Text);
        Assert.EndsWith(Bot.En("explain.neverScores"), answer.Text);
        Assert.NotEmpty(answer.Body!["entities"]![0]!["citation"]!.AsArray());
        Assert.Equal(Json(before), Json(await ProjectAsync(channel)));
    }

    [Fact]
    public async Task ExplainOfAFindingTheProjectDoesNotHave_OrOfAnotherTeamsProject_IsRefused()
    {
        var channel = TeamChannel();
        var end = await AnswerAllAsync(channel, await CreateProjectAsync(channel, "Email triage"));
        var data = CardData(CardReader.BodyActions(end[1].Card).First(a => (string?)a["title"] == Bot.En("explain.button"))["data"]);
        var tampered = data.DeepClone().AsObject();
        tampered["finding"] = "no.such.rule";
        var otherTeam = TeamChannel("19:otherteam@thread.tacv2");

        var unknown = await SendAsync(channel, channel.Submit(tampered), replies: 1);
        var foreign = await SendAsync(otherTeam, otherTeam.Submit(data), replies: 1);
        var wrongKind = await SendAsync(channel, channel.Submit(new JsonObject { ["command"] = "explain", ["project"] = data["project"]!.GetValue<string>(), ["kind"] = "score", ["finding"] = "x" }), replies: 1);

        Assert.Equal(Bot.En("explain.unavailable"), unknown[0].Text);
        Assert.Equal(Bot.En("project.notYours"), foreign[0].Text);
        Assert.Equal(Bot.En("explain.unavailable"), wrongKind[0].Text);
    }

    private static string Json(Project project) => System.Text.Json.JsonSerializer.Serialize(project, Coaching.State.CoachingJsonContext.Default.Project);

    private async Task<Project> ProjectAsync(ActivityBuilder channel)
    {
        var store = Bot.Services.GetRequiredService<Coaching.State.IDocumentStore>();
        var projects = new ProjectStore(store, TimeProvider.System);
        var tenant = channel.Message("x")["conversation"]!["tenantId"]!.GetValue<string>();
        return (await projects.ListAsync(new ProjectOwnership(tenant, ProjectOwnerKind.Team, channel.TeamId!), default)).Single();
    }
}
