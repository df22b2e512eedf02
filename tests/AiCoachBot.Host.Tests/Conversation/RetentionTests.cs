using AiCoachBot.Coaching.Privacy;
using AiCoachBot.Coaching.State;
using AiCoachBot.Host.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AiCoachBot.Host.Tests.Conversation;

/// <summary>Conversation state untouched for Privacy:RetentionDays is erased by a background purge; the teams' records stay.</summary>
public sealed class RetentionTests : BotTest
{
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Nudges:Enabled"] = "false" };

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(_clock);

    [Fact]
    public async Task UnfinishedConversationsUntouchedForTheRetention_AreErased_RecentOnesAndProjectsStay()
    {
        var abandoned = PersonalChat(userName: "Grace Hopper");
        await StartFlowAsync(abandoned);
        var channel = TeamChannel();
        await SendAsync(channel, channel.Submit(SetupTests.Filled("Email triage")), replies: 1);
        _clock.Advance(TimeSpan.FromDays(60));
        var recent = PersonalChat();
        await StartFlowAsync(recent);
        var purge = Bot.Services.GetRequiredService<RetentionPurge>();

        Assert.Equal(0, await purge.RunOnceAsync(default));
        _clock.Advance(TimeSpan.FromDays(31)); // the first is 91 days old, the second 31
        var erased = await purge.RunOnceAsync(default);

        Assert.Equal(1, erased);
        var sessions = await KeysAsync("session/");
        Assert.Equal([StateKeys.Session(ActivityBuilder.TenantId, recent.ConversationId, recent.UserAadObjectId)], sessions);
        Assert.Single(await KeysAsync("project/"));
        var resumed = await SayOneAsync(recent, "yes");
        Assert.Equal(HostTestFlow.Steps[1], CardReader.StepOf(resumed.Card));
    }

    [Fact]
    public async Task ThePrivacyCardAndPage_SayHowLongConversationStateIsKept()
    {
        var shorter = StartBot(new Dictionary<string, string?> { ["Nudges:Enabled"] = "false", ["Privacy:RetentionDays"] = "30" });

        var card = CardReader.Texts((await SayOneAsync(PersonalChat(), "privacy")).Card);
        var page = await shorter.Http.GetStringAsync("/privacy?lang=fr");

        Assert.Contains(card, t => t.Contains("untouched for 90 days", StringComparison.Ordinal));
        Assert.Contains("inchangé depuis 30 jours", page);
    }

    private async Task<List<string>> KeysAsync(string prefix)
    {
        var keys = new List<string>();
        await foreach (var document in Bot.Services.GetRequiredService<IDocumentStore>().ListAsync(prefix, default)) keys.Add(document.Key);
        return keys;
    }
}
