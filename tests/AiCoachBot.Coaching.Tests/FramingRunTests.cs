using System.Text.Json.Nodes;
using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Conversation;
using AiCoachBot.Coaching.Flows;
using AiCoachBot.Coaching.Projects;
using AiCoachBot.Coaching.State;
using AiCoachBot.Coaching.Tests.Support;
using Microsoft.Extensions.Options;

namespace AiCoachBot.Coaching.Tests;

/// <summary>A framing run from "frame" to the scorecard: the project, the checklist, the recorded assessment.</summary>
public sealed class FramingRunTests
{
    private static readonly CoachingContent Content = CoachingContent.Load(Paths.Content, [Paths.TestFlows]);
    private static readonly ConversationScope AlexChat = new("tenant-1", "a:alex", ConversationKind.Personal, null);
    private static readonly ConversationScope TeamAChannel = new("tenant-1", "19:a@thread.tacv2", ConversationKind.Channel, "team-a");
    private static readonly ConversationScope TeamBChannel = new("tenant-1", "19:b@thread.tacv2", ConversationKind.Channel, "team-b");

    private readonly InMemoryDocumentStore _store = new();
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly CoachingService _coach;
    private readonly ProjectStore _projects;

    public FramingRunTests()
    {
        _coach = new CoachingService(Content, _store, _clock, Options.Create(new ContentOptions()));
        _projects = new ProjectStore(_store, _clock);
    }

    private FramingDriver Alex => new(_coach, Content, AlexChat, "alex");
    private FramingDriver InTeamA(string user) => new(_coach, Content, TeamAChannel, user);

    private static string AllText(TurnResult result) =>
        string.Join("\n", result.Messages.Select(m => m.Text ?? m.Document?.Markdown ?? CardText.Of(m.Card))) + (result.Notice ?? "");

    private static JsonObject? Scorecard(TurnResult result) =>
        result.Messages.Select(m => m.Card).LastOrDefault(c => CardText.Of(c).Contains("Readiness of", StringComparison.Ordinal));

    [Fact]
    public async Task Frame_WithNoProjectYet_OpensTheNewProjectForm()
    {
        var result = await Alex.SayAsync("I want to start an AI project");
        var form = Assert.Single(result.Messages).Card!;
        Assert.Contains("A new AI project", CardText.Of(form));
        Assert.Contains("it belongs to you", CardText.Of(form));
        Assert.Equal(["name", "description", "phase"], form["body"]!.AsArray().Select(e => e?["id"]?.GetValue<string>()).OfType<string>());
    }

    [Fact]
    public async Task CreatingAProject_StartsTheChecklistOnIt()
    {
        var result = await Alex.CreateProjectAsync("Email triage");
        Assert.Contains("Project **Email triage** created.", AllText(result));
        Assert.Contains("Framing checklist for **Email triage**", AllText(result));
        Assert.Equal(Content.Framing.Checklist.Steps[0].Id, Alex.StepOf(result)!.Id);
        var project = Assert.Single(await _projects.ListAsync(ProjectOwnership.For(AlexChat, "alex"), CancellationToken.None));
        Assert.Equal(("Email triage", "framing", "alex"), (project.Name, project.Phase, project.CreatedBy));
    }

    [Fact]
    public async Task Frame_WithProjects_AsksWhichOne_AndOffersANewOne()
    {
        await Alex.CreateProjectAsync("Email triage");
        await Alex.SayAsync("cancel");
        var picker = Assert.Single((await Alex.SayAsync("cadrer")).Messages).Card!;
        var choices = picker["body"]!.AsArray().Single(e => e?["id"]?.GetValue<string>() == "project")!["choices"]!.AsArray();
        Assert.Equal("Email triage", choices.Single()!["title"]!.GetValue<string>());
        Assert.Contains("New project", CardText.Of(picker["actions"]));
    }

    [Fact]
    public async Task AnsweringEveryQuestion_RecordsTheAssessment_AndShowsTheScorecardWithItsButtons()
    {
        var last = await Alex.AnswerAllAsync(await Alex.CreateProjectAsync("Email triage"));

        Assert.Contains("That's the whole framing checklist", AllText(last));
        var scorecard = Scorecard(last)!;
        Assert.Contains("EU AI Act", CardText.Of(scorecard));
        Assert.Equal(["Export", "Project profile"], scorecard["actions"]!.AsArray().Select(a => a!["title"]!.GetValue<string>()));
        var project = (await _projects.ListAsync(ProjectOwnership.For(AlexChat, "alex"), CancellationToken.None)).Single();
        var record = Assert.Single(project.Assessments);
        Assert.NotNull(record.RunId);
        Assert.Equal(Content.Framing.Rules.Dimensions.Count, record.DimensionScores.Count);
        Assert.Null(await _store.ReadAsync(StateKeys.Session("tenant-1", "a:alex", "alex"), CancellationToken.None));
    }

    [Fact]
    public async Task ARerun_ShowsTheChangeSinceTheLastRun()
    {
        await Alex.AnswerAllAsync(await Alex.CreateProjectAsync("Email triage"), FramingDriver.LastOption);
        _clock.Advance(TimeSpan.FromDays(30));
        var projectId = (await _projects.ListAsync(ProjectOwnership.For(AlexChat, "alex"), CancellationToken.None)).Single().Id;

        var picker = await Alex.SayAsync("frame");
        Assert.Null(Alex.StepOf(picker));
        var rerun = await Alex.AnswerAllAsync(await Alex.PressAsync(new JsonObject { ["command"] = "frame", ["project"] = projectId }));

        Assert.Contains("since 2 Nov", CardText.Of(Scorecard(rerun)));
        Assert.Equal(2, (await _projects.GetAsync(ProjectOwnership.For(AlexChat, "alex"), projectId, CancellationToken.None)).Project!.Assessments.Count);
    }

    [Fact]
    public async Task StoppingAndComingBackDaysLater_ResumesWhereTheUserLeftOff()
    {
        var first = await Alex.CreateProjectAsync("Email triage");
        var second = await Alex.SayAsync(FramingDriver.FirstOption(Alex.StepOf(first)!));
        _clock.Advance(TimeSpan.FromDays(5));

        var resumed = await Alex.SayAsync("frame");
        Assert.Contains("Welcome back to the framing checklist of **Email triage**", AllText(resumed));
        Assert.Equal(Alex.StepOf(second)!.Id, Alex.StepOf(resumed)!.Id);
    }

    [Fact]
    public async Task AProjectOfAnotherTeam_OrAnotherPersonsPrivateProject_IsRefused()
    {
        var teamB = await _projects.CreateAsync(ProjectOwnership.For(TeamBChannel, "sam"), "Team B secret", "", "poc", "sam", CancellationToken.None);
        var samsOwn = await _projects.CreateAsync(ProjectOwnership.For(AlexChat with { ConversationId = "a:sam" }, "sam"), "Sam's idea", "", "poc", "sam", CancellationToken.None);

        foreach (var id in new[] { teamB.Created!.Id, samsOwn.Created!.Id })
        {
            foreach (var command in new[] { "frame", "project", "export" })
            {
                var result = await InTeamA("alex").PressAsync(new JsonObject { ["command"] = command, ["project"] = id });
                Assert.Contains("belongs to another team or another person", AllText(result));
            }
        }
        Assert.Empty((await _projects.GetAsync(ProjectOwnership.For(TeamBChannel, "sam"), teamB.Created!.Id, CancellationToken.None)).Project!.Assessments);
    }

    [Fact]
    public async Task TwoPeopleFramingTheSameTeamProjectAtOnce_EachKeepTheirAnswers_AndBothAssessmentsAreRecorded()
    {
        var ada = InTeamA("ada");
        var bob = InTeamA("bob");
        var adaStarts = await ada.CreateProjectAsync("Churn");
        var projectId = (await _projects.ListAsync(ProjectOwnership.For(TeamAChannel, "ada"), CancellationToken.None)).Single().Id;
        var bobStarts = await bob.PressAsync(new JsonObject { ["command"] = "frame", ["project"] = projectId });

        var results = await Task.WhenAll(
            Task.Run(() => ada.AnswerAllAsync(adaStarts, FramingDriver.FirstOption)),
            Task.Run(() => bob.AnswerAllAsync(bobStarts, FramingDriver.LastOption)));

        Assert.All(results, r => Assert.NotNull(Scorecard(r)));
        var project = (await _projects.GetAsync(ProjectOwnership.For(TeamAChannel, "x"), projectId, CancellationToken.None)).Project!;
        Assert.Equal(2, project.Assessments.Count);
        var answers = await Task.WhenAll(project.Assessments.Select(r => _projects.ReadAnswersAsync(project, r.RunId!, CancellationToken.None)));
        Assert.Equal(2, answers.Select(a => a!["problem_statement"].Text).Distinct().Count());
    }

    [Fact]
    public async Task ARunFinishedJustBeforeTheBotStopped_IsRecordedOnTheNextTurn()
    {
        var created = await _projects.CreateAsync(ProjectOwnership.For(AlexChat, "alex"), "Email triage", "", "framing", "alex", CancellationToken.None);
        var answers = new Dictionary<string, Answer> { ["problem_statement"] = new() { Text = "Sorting emails" } };
        var pending = new UserSession(null, _clock.GetUtcNow(), new PendingAssessment(created.Created!.Id, "run-42", answers, _clock.GetUtcNow()));
        await _store.WriteAsync(StateKeys.Session("tenant-1", "a:alex", "alex"), pending, null, CoachingJsonContext.Default.UserSession, CancellationToken.None);

        var next = await Alex.SayAsync("help");

        Assert.NotNull(Scorecard(next));
        var record = Assert.Single((await _projects.GetAsync(ProjectOwnership.For(AlexChat, "alex"), created.Created.Id, CancellationToken.None)).Project!.Assessments);
        Assert.Equal("run-42", record.RunId);
        Assert.Null(await _store.ReadAsync(StateKeys.Session("tenant-1", "a:alex", "alex"), CancellationToken.None));
        Assert.Null(Scorecard(await Alex.SayAsync("help")));
    }

    [Theory]
    [InlineData("", "framing", "name of at most 80 characters")]
    [InlineData("   ", "framing", "name of at most 80 characters")]
    [InlineData("Email triage", "production-ready", "current phase from the list")]
    [InlineData("Email triage", "", "current phase from the list")]
    public async Task ARefusedProjectForm_ComesBackWithTheReason_AndNothingIsStored(string name, string phase, string reason)
    {
        var result = await Alex.CreateProjectAsync(name, phase);
        var form = Assert.Single(result.Messages).Card!;
        Assert.Contains(reason, CardText.Of(form));
        Assert.Empty(await _projects.ListAsync(ProjectOwnership.For(AlexChat, "alex"), CancellationToken.None));
    }

    [Fact]
    public async Task AnOverlongNameOrDescriptionFromATamperedForm_IsRefused()
    {
        Assert.Contains("name of at most 80", AllText(await Alex.CreateProjectAsync(new string('n', 81))));
        Assert.Contains("description under 300", AllText(await Alex.CreateProjectAsync("Fine", description: new string('d', 301))));
        Assert.Empty(await _projects.ListAsync(ProjectOwnership.For(AlexChat, "alex"), CancellationToken.None));
    }

    [Fact]
    public async Task TheChecklist_CannotBeStartedWithoutAProject()
    {
        var result = await Alex.PressAsync(new JsonObject { ["command"] = "start", ["flow"] = "framing" });
        Assert.Contains("could not read what this card sent", AllText(result));
    }

    [Fact]
    public async Task ProjectsAndProfiles_ShowPhaseScoreVerdictDateAndOpenGaps()
    {
        await Alex.AnswerAllAsync(await Alex.CreateProjectAsync("Email triage", "poc"), FramingDriver.LastOption);
        await Alex.CreateProjectAsync("Chatbot RH");
        await Alex.SayAsync("cancel");

        var list = CardText.Of(Assert.Single((await Alex.SayAsync("projects")).Messages).Card);
        Assert.Contains("Email triage", list);
        Assert.Contains("Proof of concept (POC)", list);
        Assert.Contains("not assessed yet", list);

        var profile = CardText.Of(Assert.Single((await Alex.SayAsync("project email TRIAGE")).Messages).Card);
        Assert.Contains("Last readiness:", profile);
        Assert.Contains("Rethink the use case", profile);
        Assert.Contains("2 Nov 2026", profile);
        Assert.Contains("Open gaps", profile);

        Assert.Contains("could not find that project", AllText(await Alex.SayAsync("project payroll")));
    }

    [Fact]
    public async Task Export_GivesTheLastAssessmentAsMarkdown_InTheUsersLanguage()
    {
        await Alex.AnswerAllAsync(await Alex.CreateProjectAsync("Email triage"));

        var english = Assert.Single((await Alex.SayAsync("export")).Messages).Document!;
        Assert.StartsWith("# Framing assessment: Email triage", english.Markdown);
        Assert.Equal("framing-email-triage-2026-11-02.md", english.FileName);

        var french = Assert.Single((await new FramingDriver(_coach, Content, AlexChat, "alex", "fr-FR").SayAsync("exporter email triage")).Messages).Document!;
        Assert.StartsWith("# Évaluation de cadrage", french.Markdown);
    }

    [Fact]
    public async Task Export_WithNothingAssessed_SaysHowToGetAnAssessment()
    {
        Assert.Contains("no assessed project here yet", AllText(await Alex.SayAsync("export")));
        await Alex.CreateProjectAsync("Email triage");
        Assert.Contains("**Email triage** has no assessment yet", AllText(await Alex.SayAsync("export email triage")));
    }

    [Fact]
    public async Task CreatingAProjectWhoseNameIsTaken_ContinuesWithTheExistingOne()
    {
        await Alex.CreateProjectAsync("Email triage");
        await Alex.SayAsync("cancel");

        var again = await Alex.CreateProjectAsync("EMAIL TRIAGE");

        Assert.Contains("There is already a project named **Email triage** here", AllText(again));
        Assert.Equal(Content.Framing.Checklist.Steps[0].Id, Alex.StepOf(again)!.Id);
        Assert.Single(await _projects.ListAsync(ProjectOwnership.For(AlexChat, "alex"), CancellationToken.None));
    }
}
