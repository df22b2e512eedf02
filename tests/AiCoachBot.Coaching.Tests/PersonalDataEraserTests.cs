using AiCoachBot.Coaching.Nudges;
using AiCoachBot.Coaching.Privacy;
using AiCoachBot.Coaching.Projects;
using AiCoachBot.Coaching.Retros;
using AiCoachBot.Coaching.State;
using AiCoachBot.Coaching.Tests.Support;

namespace AiCoachBot.Coaching.Tests;

/// <summary>"forget me" on the teams' records: projects pass to a co-owner, numbers and items stay, nothing leads back to the person.</summary>
public sealed class PersonalDataEraserTests
{
    private static readonly Person Ada = new("t1", ["aad-ada", "29:ada"], ["Ada Lovelace"]);
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));
    private readonly InMemoryDocumentStore _store = new();
    private readonly PseudonymKey _key = PseudonymKey.Random();

    [Fact]
    public async Task AProjectSheCreated_PassesToItsSetUpOwner_AndOneSheAlsoSetUp_ToItsFirstEditor()
    {
        var created = await TeamProjectAsync("Email triage", createdBy: "aad-ada", setUpBy: ("aad-bob", "Bob Stone"), editors: []);
        var both = await TeamProjectAsync("Invoice matching", createdBy: "aad-ada", setUpBy: ("aad-ada", "Ada Lovelace"), editors: [new ChannelEditor("29:dan", "Dan Brown"), new ChannelEditor("29:ada", "Ada Lovelace")]);

        var done = await Eraser().EraseAsync(Ada, default);

        var first = await ReadAsync(created);
        var second = await ReadAsync(both);
        Assert.Equal((2, 0), (done.HandedOver, done.Archived));
        Assert.Equal("aad-bob", first.CreatedBy);
        Assert.Equal(("29:dan", "29:dan", "Dan Brown"), (second.CreatedBy, second.Channel!.SetUpBy, second.Channel.SetUpByName));
        Assert.Empty(second.Channel.Editors);
        Assert.Null(second.ArchivedAt);
        Assert.Equal([created], (await _store.ReadAsync("owned-projects/t1/aad-bob", CoachingJsonContext.Default.OwnedProjects, default))!.Value.ProjectIds);
        Assert.Contains(both, (await _store.ReadAsync("owned-projects/t1/29:dan", CoachingJsonContext.Default.OwnedProjects, default))!.Value.ProjectIds);
    }

    [Fact]
    public async Task AProjectSheOwnedAlone_IsArchived_WithItsCardsPaused_AndHerNameGone()
    {
        var alone = await TeamProjectAsync("Email triage", createdBy: "aad-ada", setUpBy: ("aad-ada", "Ada Lovelace"), editors: []);

        var done = await Eraser().EraseAsync(Ada, default);

        var project = await ReadAsync(alone);
        Assert.Equal((0, 1), (done.HandedOver, done.Archived));
        Assert.Equal(_clock.GetUtcNow(), project.ArchivedAt);
        Assert.Equal((FormerMember.Id, FormerMember.Id, FormerMember.Name), (project.CreatedBy, project.Channel!.SetUpBy, project.Channel.SetUpByName));
        Assert.True(project.Channel.Plan.Paused);
    }

    [Fact]
    public async Task HerKpiValues_AndHerItemsInAnOpenAnonymousRetro_StayCounted_ButNothingLeadsBackToHer()
    {
        var projectId = await TeamProjectAsync("Email triage", createdBy: "aad-bob", setUpBy: ("aad-bob", "Bob Stone"), editors: []);
        var history = new KpiHistory([])
            .With(new KpiWeek("2026-W48", new Dictionary<string, decimal> { ["k1"] = 11 }, "aad-ada", "Ada Lovelace", _clock.GetUtcNow()))
            .With(new KpiWeek("2026-W49", new Dictionary<string, decimal> { ["k1"] = 10 }, "aad-bob", "Bob Stone", _clock.GetUtcNow()));
        await _store.WriteAsync(NudgeDispatcher.HistoryKey(projectId), history, null, CoachingJsonContext.Default.KpiHistory, default);
        var hers = RetroPseudonym.Of(_key, "salt", "aad-ada");
        var bobs = RetroPseudonym.Of(_key, "salt", "aad-bob");
        var retro = new Retrospective("r1", projectId, new ProjectOwnership("t1", ProjectOwnerKind.Team, "team"), "poc", Anonymous: true, "en", "aad-bob", "Bob Stone",
            _clock.GetUtcNow(), null, new DateOnly(2026, 11, 1),
            [new RetroItem("i1", ItemKind.Well, "Demos helped", [], _clock.GetUtcNow(), hers), new RetroItem("i2", ItemKind.NotWell, "Late data", [], _clock.GetUtcNow(), bobs)],
            [new RetroVote(hers, "i2"), new RetroVote(bobs, "i1")], "salt");
        await _store.WriteAsync(RetroStore.Key("r1"), retro, null, CoachingJsonContext.Default.Retrospective, default);

        await Eraser().EraseAsync(Ada, default);

        var weeks = (await KpiHistory.ReadAsync(_store, projectId, default)).Weeks;
        Assert.Equal([(FormerMember.Id, FormerMember.Name, 11m), ("aad-bob", "Bob Stone", 10m)], weeks.Select(w => (w.By, w.ByName, w.Values["k1"])));
        var after = (await _store.ReadAsync(RetroStore.Key("r1"), CoachingJsonContext.Default.Retrospective, default))!.Value;
        var rekeyed = after.Items[0].MemberKey;
        Assert.NotEqual(hers, rekeyed);
        Assert.Equal(bobs, after.Items[1].MemberKey);
        Assert.Equal([(rekeyed!, "i2"), (bobs, "i1")], after.Votes.Select(v => (v.MemberKey, v.ItemId)));
        Assert.Equal(["Demos helped", "Late data"], after.Items.Select(i => i.Text));
    }

    [Fact]
    public async Task AProjectOfHerOwn_IsArchivedOutOfReach_AndTheAnswersBehindItsAssessmentsAreErased()
    {
        var mine = new ProjectOwnership("t1", ProjectOwnerKind.Person, "aad-ada");
        var projects = new ProjectStore(_store, _clock);
        var project = (await projects.CreateAsync(mine, "My side project", "", "framing", "aad-ada", default)).Created!;
        var record = new AssessmentRecord(_clock.GetUtcNow(), 70, "FixGaps", new Dictionary<string, int>(), [], null, [], "run-1");
        await projects.AddAssessmentAsync(mine, project.Id, record, new Dictionary<string, Flows.Answer>(), default);
        Assert.Contains(_store.Keys, k => k.StartsWith($"assessment/{project.Id}/", StringComparison.Ordinal));

        var done = await Eraser().EraseAsync(Ada, default);

        Assert.Equal(1, done.Archived);
        Assert.DoesNotContain(_store.Keys, k => k.StartsWith($"assessment/{project.Id}/", StringComparison.Ordinal) || k.Contains("aad-ada", StringComparison.Ordinal));
        Assert.Empty(await projects.ListAsync(mine, default));
        var archived = (await projects.ReadForBotAsync(project.Id, default))!;
        Assert.Equal(($"{FormerMember.Id}/{project.Id}", FormerMember.Id), (archived.Ownership.OwnerId, archived.CreatedBy));
    }

    [Fact]
    public async Task ANameWithPunctuation_IsFoundInMemberLists_AsTheyStoreIt_AndANamelessPersonMatchesNoName()
    {
        var scope = new Conversation.ConversationScope("t1", "a:chat", Conversation.ConversationKind.Personal, null);
        var marie = Person.Of(new Conversation.UserTurn(scope, "aad-marie", "Dupont, Marie [Ops]", "fr-FR", "oublie-moi", null, AccountId: "29:marie"));
        await _store.WriteAsync("roster/t1/chat", new Coach.ConversationRoster(["Dupont, Marie [Ops]", "Bob Stone", "?"]), null, CoachingJsonContext.Default.ConversationRoster, default);

        await Eraser().EraseAsync(marie, default);

        Assert.Equal(["Bob Stone", "?"], (await _store.ReadAsync("roster/t1/chat", CoachingJsonContext.Default.ConversationRoster, default))!.Value.Names);
        Assert.False(Person.Of(new Conversation.UserTurn(scope, "aad-x", "  ", null, null, null)).IsNamed("?"));
    }

    [Fact]
    public async Task AnotherOrganisationsRecords_AreLeftAsTheyAre()
    {
        var elsewhere = await TeamProjectAsync("Email triage", createdBy: "aad-ada", setUpBy: ("aad-ada", "Ada Lovelace"), editors: [], tenant: "t2");

        var done = await Eraser().EraseAsync(Ada, default);

        Assert.Equal(new ErasureSummary(0, 0, 0, 0), done);
        Assert.Equal("aad-ada", (await ReadAsync(elsewhere)).CreatedBy);
    }

    private PersonalDataEraser Eraser() => new(_store, _key, _clock);

    private async Task<string> TeamProjectAsync(string name, string createdBy, (string Id, string Name) setUpBy, IReadOnlyList<ChannelEditor> editors, string tenant = "t1")
    {
        var team = new ProjectOwnership(tenant, ProjectOwnerKind.Team, "team-" + name);
        var projects = new ProjectStore(_store, _clock);
        var project = (await projects.CreateAsync(team, name, "", "poc", createdBy, default)).Created!;
        var kpi = new Kpi("k1", "Handling time", "min", 12, 8, KpiDirection.LowerIsBetter, "CRM report", "Ops");
        var setup = new ProjectChannel(new ChannelReference("https://smba.example/emea/", tenant, team.OwnerId, "19:" + name + "@thread.tacv2"),
            [kpi], new NudgePlan(DayOfWeek.Monday, new TimeOnly(9, 0), "Europe/Paris", "en"), setUpBy.Id, setUpBy.Name, _clock.GetUtcNow(), editors);
        var (outcome, _) = await projects.SetChannelAsync(team, project.Id, setup, "poc", [setUpBy.Id], default);
        Assert.Equal(SetupOutcome.Saved, outcome);
        return project.Id;
    }

    private async Task<Project> ReadAsync(string id) => (await new ProjectStore(_store, _clock).ReadForBotAsync(id, default))!;
}
