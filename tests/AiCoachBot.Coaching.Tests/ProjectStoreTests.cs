using AiCoachBot.Coaching.Conversation;
using AiCoachBot.Coaching.Projects;
using AiCoachBot.Coaching.Tests.Support;

namespace AiCoachBot.Coaching.Tests;

public sealed class ProjectStoreTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly ConversationScope TeamAChannel = new("tenant-1", "19:a@thread.tacv2", ConversationKind.Channel, "team-a");
    private static readonly ConversationScope TeamBChannel = new("tenant-1", "19:b@thread.tacv2", ConversationKind.Channel, "team-b");
    private static readonly ConversationScope AlexChat = new("tenant-1", "a:alex", ConversationKind.Personal, null);

    private readonly ProjectStore _projects = new(new InMemoryDocumentStore(), TimeProvider.System);

    private static ProjectOwnership TeamA => ProjectOwnership.For(TeamAChannel, "alex");
    private static ProjectOwnership TeamB => ProjectOwnership.For(TeamBChannel, "alex");
    private static ProjectOwnership Alex => ProjectOwnership.For(AlexChat, "alex");
    private static ProjectOwnership Sam => ProjectOwnership.For(AlexChat with { ConversationId = "a:sam" }, "sam");

    private static AssessmentRecord Assessed(int overall, string? runId = null) =>
        new(DateTimeOffset.UnixEpoch, overall, "FixGaps", new Dictionary<string, int> { ["data"] = overall }, [], "minimal", [], runId);

    private static readonly Dictionary<string, Flows.Answer> Answers = new() { ["problem_statement"] = new() { Text = "Sorting emails" } };

    private async Task<Project> CreateAsync(ProjectOwnership owner, string name, string description = "") =>
        (await _projects.CreateAsync(owner, name, description, "framing", "alex", None)).Created!;

    [Fact]
    public void ProjectsCreatedInAChannel_BelongToTheTeam_InAChat_ToThePerson()
    {
        Assert.Equal(ProjectOwnerKind.Team, TeamA.Kind);
        Assert.Equal("team-a", TeamA.OwnerId);
        Assert.Equal(ProjectOwnerKind.Person, Alex.Kind);
        Assert.Equal("alex", Alex.OwnerId);
    }

    [Fact]
    public async Task EachOwner_SeesOnlyTheirOwnProjects()
    {
        await _projects.CreateAsync(TeamA, "Churn", "Predict churn", "framing", "alex", None);
        await _projects.CreateAsync(Alex, "My idea", "Private", "framing", "alex", None);

        Assert.Equal(["Churn"], (await _projects.ListAsync(TeamA, None)).Select(p => p.Name));
        Assert.Equal(["My idea"], (await _projects.ListAsync(Alex, None)).Select(p => p.Name));
        Assert.Empty(await _projects.ListAsync(TeamB, None));
        Assert.Empty(await _projects.ListAsync(Sam, None));
    }

    [Fact]
    public async Task AProjectIdFromAnotherTeamOrPerson_IsRefused()
    {
        var teamProject = await CreateAsync(TeamA, "Churn");
        var privateProject = await CreateAsync(Alex, "Mine");

        Assert.Equal(LookupStatus.Found, (await _projects.GetAsync(TeamA, teamProject.Id, None)).Status);
        Assert.Equal(LookupStatus.NotYours, (await _projects.GetAsync(TeamB, teamProject.Id, None)).Status);
        Assert.Equal(LookupStatus.NotYours, (await _projects.GetAsync(Sam, privateProject.Id, None)).Status);
        Assert.Equal(LookupStatus.NotFound, (await _projects.GetAsync(TeamA, "no-such-id", None)).Status);
        Assert.Null(await _projects.AddAssessmentAsync(TeamB, teamProject.Id, Assessed(50), Answers, None));
    }

    [Theory]
    [InlineData("churn prédiction")]
    [InlineData("CHURN PREDICTION")]
    [InlineData("Churn Prediction")]
    public async Task Names_AreFoundInAnyCase_WithOrWithoutAccents(string typed)
    {
        await _projects.CreateAsync(Alex, "Churn prédiction", "", "framing", "alex", None);
        Assert.Equal(LookupStatus.Found, (await _projects.FindByNameAsync(Alex, typed, None)).Status);
        Assert.Equal(LookupStatus.NotFound, (await _projects.FindByNameAsync(Sam, typed, None)).Status);
    }

    [Fact]
    public async Task NamesAndDescriptions_AreCleanedAndLimited()
    {
        var project = await CreateAsync(Alex, "<b>Churn</b>\u0000 " + new string('x', 200), new string('d', 1000));
        Assert.StartsWith("Churn x", project.Name);
        Assert.Equal(ProjectStore.MaxNameLength, project.Name.Length);
        Assert.Equal(ProjectStore.MaxDescriptionLength, project.Description.Length);
    }

    [Fact]
    public async Task ProjectsCreatedAtTheSameTime_AreAllListed()
    {
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => _projects.CreateAsync(TeamA, $"P{i}", "", "framing", "alex", None))));
        Assert.Equal(20, (await _projects.ListAsync(TeamA, None)).Count);
    }

    [Fact]
    public async Task AssessmentsRecordedAtTheSameTime_AreAllKept()
    {
        var project = await CreateAsync(TeamA, "Churn");
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => _projects.AddAssessmentAsync(TeamA, project.Id, Assessed(i), Answers, None))));
        var stored = (await _projects.GetAsync(TeamA, project.Id, None)).Project!;
        Assert.Equal(Enumerable.Range(0, 20), stored.Assessments.Select(a => a.Overall).Order());
    }

    [Fact]
    public async Task ASecondProjectWithTheSameName_IsRefused_EvenWithOtherCaseOrAccents()
    {
        var first = await CreateAsync(TeamA, "Churn prédiction");
        var second = await _projects.CreateAsync(TeamA, "CHURN PREDICTION", "", "framing", "alex", None);

        Assert.Null(second.Created);
        Assert.Equal(first.Id, second.NameTakenBy!.Id);
        Assert.NotNull(await CreateAsync(TeamB, "Churn prédiction"));
    }

    [Fact]
    public async Task TheSameNameCreatedTwiceAtOnce_GivesOneProject()
    {
        var attempts = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => _projects.CreateAsync(TeamA, "Churn", "", "framing", "alex", None))));
        Assert.Single(attempts, a => a.Created is not null);
        Assert.Single(await _projects.ListAsync(TeamA, None));
    }

    [Fact]
    public async Task APartOfAName_FindsTheOnlyProjectContainingIt_AndNamesAllWhenSeveralDo()
    {
        await CreateAsync(Alex, "Chatbot RH");
        await CreateAsync(Alex, "Chatbot support");
        await CreateAsync(Alex, "Tri des e-mails");

        Assert.Equal("Tri des e-mails", (await _projects.FindByNameAsync(Alex, "e-mails", None)).Project!.Name);
        var ambiguous = await _projects.FindByNameAsync(Alex, "chatbot", None);
        Assert.Equal(LookupStatus.Ambiguous, ambiguous.Status);
        Assert.Equal(["Chatbot RH", "Chatbot support"], ambiguous.Matches);
    }

    [Fact]
    public async Task RecordingTheSameRunTwice_KeepsOneAssessment()
    {
        var project = await CreateAsync(TeamA, "Churn");
        var first = await _projects.AddAssessmentAsync(TeamA, project.Id, Assessed(40, "run-1"), Answers, None);
        var again = await _projects.AddAssessmentAsync(TeamA, project.Id, Assessed(40, "run-1"), Answers, None);

        Assert.True(first!.Value.Added);
        Assert.False(again!.Value.Added);
        Assert.Single((await _projects.GetAsync(TeamA, project.Id, None)).Project!.Assessments);
    }

    [Fact]
    public async Task OnlyTheMostRecentAssessments_AreKept()
    {
        var project = await CreateAsync(TeamA, "Churn");
        for (var i = 0; i < ProjectStore.MaxAssessmentsKept + 5; i++) await _projects.AddAssessmentAsync(TeamA, project.Id, Assessed(i, $"run-{i}"), Answers, None);

        var stored = (await _projects.GetAsync(TeamA, project.Id, None)).Project!;
        Assert.Equal(ProjectStore.MaxAssessmentsKept, stored.Assessments.Count);
        Assert.Equal(ProjectStore.MaxAssessmentsKept + 4, stored.Assessments[^1].Overall);
        Assert.Null(await _projects.ReadAnswersAsync(stored, "run-0", None));
        Assert.NotNull(await _projects.ReadAnswersAsync(stored, stored.Assessments[0].RunId!, None));
    }

    private static DiagnosisRecord Diagnosed(string runId) =>
        new(DateTimeOffset.UnixEpoch, runId, "poc", [new PitfallRiskRecord("no_kpis", "High", 80)], ["no_kpis"], ["NK-01"]);

    [Fact]
    public async Task DiagnosticsRunAtTheSameTimeOnOneProject_AreAllKept_AndARetriedOneIsNotAddedTwice()
    {
        var project = await CreateAsync(TeamA, "Email triage");

        await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(() => _projects.AddDiagnosisAsync(TeamA, project.Id, Diagnosed($"run-{i}"), Answers, None))));
        var again = await _projects.AddDiagnosisAsync(TeamA, project.Id, Diagnosed("run-3"), Answers, None);

        Assert.False(again!.Value.Added);
        var saved = (await _projects.GetAsync(TeamA, project.Id, None)).Project!;
        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"run-{i}").Order(), saved.DiagnosisHistory.Select(d => d.RunId).Order());
    }

    [Fact]
    public async Task AnotherTeam_CannotRecordADiagnosticOrAddAnAction()
    {
        var project = await CreateAsync(TeamA, "Email triage");

        Assert.Null(await _projects.AddDiagnosisAsync(TeamB, project.Id, Diagnosed("run-1"), Answers, None));
        Assert.Null(await _projects.AddActionAsync(TeamB, project.Id, "Name an owner", "pitfall:no_kpis:week", "mallory", None));
        Assert.Empty((await _projects.GetAsync(TeamA, project.Id, None)).Project!.DiagnosisHistory);
    }

    [Fact]
    public async Task AnAction_IsAddedOnceWhileOpen_EvenWhenPressedTwiceAtOnce()
    {
        var project = await CreateAsync(TeamA, "Email triage");

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Task.Run(() => _projects.AddActionAsync(TeamA, project.Id, "Name an owner", "pitfall:no_kpis:week", "alex", None))));

        Assert.Single(outcomes, o => o!.Value.Outcome == ActionOutcome.Added);
        Assert.All(outcomes.Where(o => o!.Value.Outcome != ActionOutcome.Added), o => Assert.Equal(ActionOutcome.AlreadyOpen, o!.Value.Outcome));
        Assert.Single((await _projects.GetAsync(TeamA, project.Id, None)).Project!.OpenActions);
    }

    [Fact]
    public async Task OpenActions_StopAtTheLimit()
    {
        var project = await CreateAsync(TeamA, "Email triage");
        for (var i = 0; i < ProjectStore.MaxOpenActions; i++)
            Assert.Equal(ActionOutcome.Added, (await _projects.AddActionAsync(TeamA, project.Id, $"Step {i}", $"test:{i}", "alex", None))!.Value.Outcome);

        Assert.Equal(ActionOutcome.TooMany, (await _projects.AddActionAsync(TeamA, project.Id, "One more", "test:more", "alex", None))!.Value.Outcome);
    }
}
