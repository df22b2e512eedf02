using AiCoachBot.Protocol.Hosting;
using AiCoachBot.Protocol.Schema;
using AiCoachBot.Protocol.Tests.Support;

namespace AiCoachBot.Protocol.Tests.Hosting;

public sealed class TypingIndicatorTests
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(3);

    private static readonly Activity Inbound = new()
    {
        Type = ActivityTypes.Message,
        Id = "1:inbound",
        ChannelId = "msteams",
        ServiceUrl = "https://smba.trafficmanager.net/amer/",
        From = new ChannelAccount { Id = "29:megan" },
        Recipient = new ChannelAccount { Id = "28:bot" },
        Conversation = new ConversationAccount { Id = "a:1" },
    };

    private readonly ManualTimeProvider _clock = new();
    private readonly RecordingConnectorClient _connector = new();

    [Fact]
    public async Task Stop_BeforeTheDelay_NothingSent()
    {
        var typing = Start();
        await WaitUntilArmedAsync();

        _clock.Advance(Delay - TimeSpan.FromMilliseconds(1));
        typing.Stop();
        var armedAfterStop = _clock.PendingDelays.Count;
        _clock.Advance(TimeSpan.FromMinutes(1));
        await typing.DisposeAsync();

        Assert.Equal(0, armedAfterStop);
        Assert.Empty(_connector.Calls);
    }

    [Fact]
    public async Task TypingThatFails_ForAnyReason_NeverFailsTheTurn()
    {
        _connector.FailWith = () => new InvalidOperationException("the token could not be obtained");
        var typing = Start();
        await WaitUntilArmedAsync();

        _clock.Advance(Delay);
        await Eventually.TrueAsync(() => _connector.Calls.Count == 1, "the failing typing activity");

        await typing.DisposeAsync();
        Assert.Single(_connector.Calls);
    }

    [Fact]
    public async Task AfterTheDelay_SendsOneTypingActivityToTheConversation()
    {
        var typing = Start();
        await WaitUntilArmedAsync();

        _clock.Advance(Delay);
        await Eventually.TrueAsync(() => _connector.Calls.Count == 1, "the first typing activity");
        await typing.DisposeAsync();

        var call = Assert.Single(_connector.Calls);
        Assert.Equal("send", call.Operation);
        Assert.Equal("https://smba.trafficmanager.net/amer/", call.ServiceUrl);
        Assert.Equal("a:1", call.ConversationId);
        Assert.Equal(ActivityTypes.Typing, call.Activity!.Type);
        Assert.Equal("28:bot", call.Activity.From!.Id);
        Assert.Equal("29:megan", call.Activity.Recipient!.Id);
        Assert.Null(call.Activity.Text);
    }

    [Fact]
    public async Task WhileRunning_RepeatsEachInterval()
    {
        var typing = Start();

        for (var expected = 1; expected <= 3; expected++)
        {
            await WaitUntilArmedAsync();
            _clock.Advance(expected == 1 ? Delay : Interval);
            await Eventually.TrueAsync(() => _connector.Calls.Count == expected, $"typing activity #{expected}");
        }
        await typing.DisposeAsync();

        Assert.Equal(3, _connector.Calls.Count);
    }

    [Fact]
    public async Task WithinAnInterval_SendsNothingMore()
    {
        var typing = Start();
        await WaitUntilArmedAsync();
        _clock.Advance(Delay);
        await Eventually.TrueAsync(() => _connector.Calls.Count == 1, "the first typing activity");
        await WaitUntilArmedAsync();

        _clock.Advance(Interval - TimeSpan.FromMilliseconds(1));
        var stillToWait = _clock.PendingDelays;
        await typing.DisposeAsync();

        Assert.Single(_connector.Calls);
        Assert.Equal([TimeSpan.FromMilliseconds(1)], stillToWait);
    }

    [Fact]
    public async Task Stop_AfterSomeTypingActivities_NoMoreAreSent()
    {
        var typing = Start();
        await WaitUntilArmedAsync();
        _clock.Advance(Delay);
        await Eventually.TrueAsync(() => _connector.Calls.Count == 1, "the first typing activity");
        await WaitUntilArmedAsync();

        typing.Stop();
        var armedAfterStop = _clock.PendingDelays.Count;
        _clock.Advance(Interval * 5);
        await typing.DisposeAsync();

        Assert.Equal(0, armedAfterStop);
        Assert.Single(_connector.Calls);
    }

    [Fact]
    public async Task None_SharedByEveryTurn_StopAndDisposeCanBeRepeated()
    {
        var error = await Record.ExceptionAsync(async () =>
        {
            for (var turn = 0; turn < 3; turn++)
            {
                TypingIndicator.None.Stop();
                await TypingIndicator.None.DisposeAsync();
            }
        });

        Assert.Null(error);
    }

    private TypingIndicator Start() => TypingIndicator.Start(_connector, Inbound, _clock, Delay, Interval);

    /// <summary>Advancing before the loop has armed its next timer would let the moment pass unseen.</summary>
    private Task WaitUntilArmedAsync() => Eventually.TrueAsync(() => _clock.PendingDelays.Count == 1, "the typing loop to arm its timer");
}
