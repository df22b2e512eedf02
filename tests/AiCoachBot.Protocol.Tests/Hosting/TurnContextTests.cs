using AiCoachBot.Protocol.Hosting;
using AiCoachBot.Protocol.Schema;
using AiCoachBot.Protocol.Tests.Support;

namespace AiCoachBot.Protocol.Tests.Hosting;

public sealed class TurnContextTests
{
    private const string ServiceUrl = "https://smba.trafficmanager.net/amer/";
    private readonly RecordingConnectorClient _connector = new();

    private static readonly Activity Inbound = new()
    {
        Type = ActivityTypes.Message,
        Id = "1:inbound",
        ChannelId = "msteams",
        ServiceUrl = ServiceUrl,
        Locale = "fr-FR",
        From = new ChannelAccount { Id = "29:megan", Name = "Megan Bowen" },
        Recipient = new ChannelAccount { Id = "28:bot", Name = "AI Coach" },
        Conversation = new ConversationAccount { Id = "19:abc@thread.tacv2;messageid=17", ConversationType = "channel", TenantId = "t-1" },
        Text = "<at>AI Coach</at> hi",
    };

    [Fact]
    public async Task SendAsync_InboundHasAnId_RepliesToItWithFromAndRecipientSwapped()
    {
        var turn = new TurnContext(Inbound, _connector, TypingIndicator.None);

        await turn.SendAsync(Activity.Message("Bonjour"), default);

        var call = Assert.Single(_connector.Calls);
        Assert.Equal("reply", call.Operation);
        Assert.Equal(ServiceUrl, call.ServiceUrl);
        Assert.Equal("19:abc@thread.tacv2;messageid=17", call.ConversationId);
        Assert.Equal("1:inbound", call.ActivityId);
        var reply = call.Activity!;
        Assert.Equal("1:inbound", reply.ReplyToId);
        Assert.Equal("28:bot", reply.From!.Id);
        Assert.Equal("29:megan", reply.Recipient!.Id);
        Assert.Equal("19:abc@thread.tacv2;messageid=17", reply.Conversation!.Id);
        Assert.Equal("msteams", reply.ChannelId);
        Assert.Equal("fr-FR", reply.Locale);
        Assert.Equal("Bonjour", reply.Text);
    }

    [Fact]
    public async Task SendAsync_InboundWithoutId_SendsToTheConversation()
    {
        var turn = new TurnContext(Inbound with { Id = null }, _connector, TypingIndicator.None);

        await turn.SendAsync(Activity.Message("Hello"), default);

        var call = Assert.Single(_connector.Calls);
        Assert.Equal("send", call.Operation);
        Assert.Equal("19:abc@thread.tacv2;messageid=17", call.ConversationId);
        Assert.Null(call.Activity!.ReplyToId);
        Assert.Equal("29:megan", call.Activity.Recipient!.Id);
    }

    [Fact]
    public async Task SendAsync_ReplyAlreadyAddressed_KeepsItsOwnValues()
    {
        var turn = new TurnContext(Inbound, _connector, TypingIndicator.None);

        await turn.SendAsync(Activity.Message("Hi") with { Locale = "en-US", Recipient = new ChannelAccount { Id = "29:other" } }, default);

        var reply = Assert.Single(_connector.Calls).Activity!;
        Assert.Equal("en-US", reply.Locale);
        Assert.Equal("29:other", reply.Recipient!.Id);
    }

    [Fact]
    public async Task UpdateAsync_PutsTheReplacementUnderTheGivenId()
    {
        var turn = new TurnContext(Inbound, _connector, TypingIndicator.None);

        await turn.UpdateAsync("1:card", Activity.Message("v2"), default);

        var call = Assert.Single(_connector.Calls);
        Assert.Equal("update", call.Operation);
        Assert.Equal("1:card", call.ActivityId);
        Assert.Equal("1:card", call.Activity!.Id);
        Assert.Equal("28:bot", call.Activity.From!.Id);
    }

    [Fact]
    public async Task SendAsync_BeforeTheTypingDelay_StopsTheTypingIndicator()
    {
        var clock = new ManualTimeProvider();
        var typing = TypingIndicator.Start(_connector, Inbound, clock, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3));
        var turn = new TurnContext(Inbound, _connector, typing);
        var armedBeforeReply = clock.PendingDelays.Count;

        await turn.SendAsync(Activity.Message("quick answer"), default);
        var armedAfterReply = clock.PendingDelays.Count;
        clock.Advance(TimeSpan.FromSeconds(10));
        await typing.DisposeAsync();

        Assert.Equal(1, armedBeforeReply);
        Assert.Equal(0, armedAfterReply);
        Assert.Equal(["reply"], _connector.Calls.Select(c => c.Operation));
    }
}
