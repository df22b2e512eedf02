using System.Net;
using AiCoachBot.Host.Tests.Support;
using AiCoachBot.Coaching.Nudges;
using AiCoachBot.Host.Hosting;
using AiCoachBot.Infrastructure.Tests;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AiCoachBot.Host.Tests.Conversation;

/// <summary>
/// Two bot instances sharing one PostgreSQL database, as behind the Azure Bot Service: turns of the same conversation
/// reach either one, at the same moment, and no state is lost.
/// </summary>
public sealed class TwoInstancesTests(PostgresServer postgres) : BotTest, IClassFixture<PostgresServer>
{
    private string _database = "";

    // Sunday 29 November 2026, 12:00 UTC, one clock for both instances; the set-ups ask for Mondays at 09:00 Paris time.
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(_clock);

    protected override IReadOnlyDictionary<string, string?> Settings =>
        SharedDatabase.Settings(_database, new Dictionary<string, string?> { ["Nudges:Enabled"] = "false", ["Nudges:MaxPostsPerSecond"] = "1000" });

    public override async Task InitializeAsync()
    {
        _database = await postgres.CreateDatabaseAsync();
        await base.InitializeAsync();
    }

    [Fact]
    public async Task ContributionsSpreadOverTwoInstancesAtOnce_AreAllKept_AndEitherInstanceShowsThemAll()
    {
        var other = StartBot();
        var (channel, live) = await OpenRetroAsync(anonymous: true);
        var retroId = RetroId(live.Card);
        var members = Enumerable.Range(1, 20).Select(i => channel.AnotherUser($"Member {i}")).ToList();

        var added = await Task.WhenAll(members.Select((member, i) =>
        {
            var add = RetroData("retro.add", retroId);
            add["text"] = $"Point {i + 1}";
            return ExecuteAsync(member.Execute("retro.add", add, live.ResponseId), i % 2 == 0 ? Bot : other);
        }));
        var ownViews = await Task.WhenAll(members.Select((member, i) =>
        {
            var view = RetroData("retro.yours", retroId);
            return ExecuteAsync(member.Execute("retro.yours", view, live.ResponseId), i % 2 == 0 ? other : Bot);
        }));

        Assert.All(added, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        var fromOther = CardReader.Texts((await ExecuteAsync(channel.Execute("retro.view", RetroData("retro.view", retroId), live.ResponseId), other)).Body["value"]);
        var fromFirst = CardReader.Texts((await ExecuteAsync(channel.Execute("retro.view", RetroData("retro.view", retroId), live.ResponseId))).Body["value"]);
        Assert.Contains(Bot.En("retro.card.contributions", ("items", "20"), ("people", "20")), fromOther);
        Assert.Equal(fromFirst, fromOther);
        // Each member's own view, on whichever instance, finds their item: the pseudonym key is shared.
        Assert.All(ownViews.Select(v => v.Body["value"]!.ToJsonString()), json => Assert.Contains("\"id\":\"text.", json));
    }

    [Fact]
    public async Task AGuidedConversation_AnsweredThroughBothInstances_ContinuesWhereItIs()
    {
        var other = StartBot();
        var chat = PersonalChat();

        await SayOneAsync(chat, HostTestFlow.TriggerEn);
        var second = await SayOneAsync(chat, "yes", other);
        var third = await SayOneAsync(chat, "pilot");

        Assert.Equal(HostTestFlow.Steps[1], CardReader.StepOf(second.Card));
        Assert.Equal(HostTestFlow.Steps[2], CardReader.StepOf(third.Card));
    }

    [Fact]
    public async Task TwoInstancesSendingTheWeeklyCardsAtOnce_PostEachProjectsCardExactlyOnce()
    {
        var other = StartBot();
        var channels = Enumerable.Range(1, 30).Select(_ => TeamChannel()).ToList();
        foreach (var (channel, i) in channels.Select((c, i) => (c, i)))
            await SendAsync(channel, channel.Submit(SetupTests.Filled($"Project {i + 1}")), replies: 1, bot: i % 2 == 0 ? Bot : other);
        _clock.Advance(TimeSpan.FromHours(20.5)); // Monday 08:30 UTC: every card is due

        var passes = await Task.WhenAll(new[] { Bot, other, Bot, other }.Select(bot =>
            Task.Run(() => bot.Services.GetRequiredService<NudgeDispatcher>().RunOnceAsync(default))));

        var posts = Connector.Requests.Where(r => r.Method == "POST" && r.Body?["isGroup"] is not null && r.Delivered).ToList();
        Assert.Equal(30, passes.Sum());
        Assert.Equal(30, posts.Count);
        Assert.Equal(30, posts.Select(p => p.ConversationId).Distinct().Count());
    }

    [Fact]
    public async Task AnInstanceStoppedMidPass_ItsClaimedCardsArePostedByTheOtherAfterTheLease_AndTheCardItWasPostingNever()
    {
        var other = StartBot();
        var channels = Enumerable.Range(1, 10).Select(_ => TeamChannel()).ToList();
        foreach (var (channel, i) in channels.Select((c, i) => (c, i)))
            await SendAsync(channel, channel.Submit(SetupTests.Filled($"Project {i + 1}")), replies: 1);
        _clock.Advance(TimeSpan.FromHours(20.5));
        var stopping = new CancellationTokenSource();
        var hanging = new HangingPoster();
        // Four claimed at once, one post a second: the first hangs in its post, three wait for their turn, then the instance stops.
        var stopped = new NudgeDispatcher(Bot.Services.GetRequiredService<AiCoachBot.Coaching.Content.CoachingContent>(),
            Bot.Services.GetRequiredService<AiCoachBot.Coaching.State.IDocumentStore>(), Bot.Services.GetRequiredService<INudgeJobs>(), hanging,
            new NudgeOptions { InstanceId = "stopped", Concurrency = 4, MaxPostsPerSecond = 1 }, _clock, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        var pass = stopped.RunOnceAsync(stopping.Token);
        var hung = await hanging.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await stopping.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pass);
        var survivor = other.Services.GetRequiredService<NudgeDispatcher>();

        var beforeTheLease = await survivor.RunOnceAsync(default);
        _clock.Advance(new NudgeOptions().ClaimLease);
        var afterTheLease = await survivor.RunOnceAsync(default);
        await survivor.RunOnceAsync(default);

        var posts = Connector.Requests.Where(r => r.Method == "POST" && r.Body?["isGroup"] is not null && r.Delivered).ToList();
        Assert.Equal((6, 3), (beforeTheLease, afterTheLease));
        Assert.Equal(9, posts.Select(p => p.ConversationId).Distinct().Count());
        Assert.DoesNotContain(posts, p => p.Body!.ToJsonString().Contains(hung, StringComparison.Ordinal));
        var jobs = Bot.Services.GetRequiredService<INudgeJobs>();
        var projectIds = await new AiCoachBot.Coaching.Projects.ProjectStore(Bot.Services.GetRequiredService<AiCoachBot.Coaching.State.IDocumentStore>(), _clock).NudgedProjectIdsAsync(default);
        var states = await Task.WhenAll(projectIds.Select(id => jobs.FindAsync(id, "2026-W49", default)));
        Assert.Equal(9, states.Count(j => j!.State == NudgeState.Sent));
        Assert.Equal(NudgeState.Unknown, Assert.Single(states, j => j!.State != NudgeState.Sent)!.State);
        var interrupted = channels.Single(c => c.Message("x")["channelData"]!["channel"]!["id"]!.GetValue<string>() == hung);
        var status = CardReader.Texts((await SayOneAsync(interrupted, ActivityBuilder.Mention + " kpi status", other)).Card);
        Assert.Contains(Bot.En("kpi.status.unknown", ("week", "2026-W49")), status);
    }

    [Fact]
    public async Task ThePrivacyTexts_SayTheDataIsInTheOrganisationsPostgreSqlDatabase()
    {
        var page = await Bot.Http.GetStringAsync("/privacy");
        var card = await SayOneAsync(PersonalChat(), "privacy");

        Assert.Contains(Bot.En("privacy.storage.postgres"), page);
        Assert.Contains(CardReader.Texts(card.Card), t => t.Contains(Bot.En("privacy.storage.postgres"), StringComparison.Ordinal));
    }

    [Fact]
    public void SharingADatabase_WithoutASharedPseudonymKey_IsRefusedAtStart()
    {
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(Settings) { ["Retros:PseudonymKey"] = null });
        builder.AddAiCoachBot();
        using var app = builder.Build();

        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() =>
            app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AiCoachBot.Host.Hosting.RetroOptions>>().Value);

        Assert.Contains("Retros:PseudonymKey is required with Storage:PostgresConnectionString", error.Message);
    }

    [Theory]
    [InlineData("Storage:PostgresConnectionString", "", "Storage:PostgresEntraAuthentication needs Storage:PostgresConnectionString")]
    [InlineData("Storage:PostgresManagedIdentityClientId", "not-a-guid", "must be the managed identity's client id, a GUID")]
    public void AMisconfiguredEntraSignIn_IsRefusedAtStart_SayingWhatToFix(string setting, string value, string expected)
    {
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(Settings) { ["Storage:PostgresEntraAuthentication"] = "true", [setting] = value });
        builder.AddAiCoachBot();
        using var app = builder.Build();

        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() =>
            app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AiCoachBot.Infrastructure.Storage.StorageOptions>>().Value);

        Assert.Contains(expected, error.Message);
    }

    /// <summary>A post that never returns, as in an instance that stops while Teams is being called.</summary>
    private sealed class HangingPoster : INudgePoster
    {
        public TaskCompletionSource<string> Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task<PostOutcome> PostAsync(ChannelReference channel, System.Text.Json.Nodes.JsonObject card, CancellationToken cancellationToken)
        {
            Entered.TrySetResult(channel.ChannelId);
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }

        public Task<PostOutcome> ReplyAsync(ChannelReference channel, string threadId, string text, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("no reminder is due in this test");
    }
}
