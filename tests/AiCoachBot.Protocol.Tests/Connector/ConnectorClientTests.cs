using System.Text.Json.Nodes;
using AiCoachBot.Protocol.Connector;
using AiCoachBot.Protocol.Schema;
using AiCoachBot.Protocol.Tests.Support;
using Microsoft.Extensions.Options;

namespace AiCoachBot.Protocol.Tests.Connector;

/// <summary>The REST shape of each operation, as a loopback connector receives it.</summary>
public sealed class ConnectorClientTests
{
    [Theory]
    [InlineData("a:1;messageid=2", "/v3/conversations/a%3A1%3Bmessageid%3D2/activities")]
    [InlineData("19:abc@thread.tacv2", "/v3/conversations/19%3Aabc%40thread.tacv2/activities")]
    [InlineData("x/../../v3/teams?y=1#z", "/v3/conversations/x%2F..%2F..%2Fv3%2Fteams%3Fy%3D1%23z/activities")]
    public async Task SendToConversationAsync_IdWithReservedCharacters_SentAsOneEscapedSegment(string conversationId, string expectedPath)
    {
        await using var connector = await FakeConnector.StartAsync();

        await Client().SendToConversationAsync(connector.ServiceUrl, conversationId, Activity.Message("hi"), default);

        var request = Assert.Single(connector.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal(expectedPath, request.RawTarget);
    }

    [Theory]
    [InlineData("amer/")]
    [InlineData("amer")]
    [InlineData("amer//")]
    public async Task SendToConversationAsync_ServiceUrlWithPath_PathKeptWithoutDoubleSlash(string servicePath)
    {
        await using var connector = await FakeConnector.StartAsync();

        await Client().SendToConversationAsync(connector.ServiceUrl + servicePath, "a:1", Activity.Message("hi"), default);

        Assert.Equal("/amer/v3/conversations/a%3A1/activities", Assert.Single(connector.Requests).RawTarget);
    }

    [Fact]
    public async Task SendToConversationAsync_Body_IsTheActivityAsCamelCaseJson()
    {
        await using var connector = await FakeConnector.StartAsync(Replies.Created("1:sent"));
        var activity = Activity.Message("Hello **team**") with { TextFormat = "markdown", From = new ChannelAccount { Id = "28:bot" } };

        var response = await Client().SendToConversationAsync(connector.ServiceUrl, "a:1", activity, default);

        var body = JsonNode.Parse(Assert.Single(connector.Requests).Body)!.AsObject();
        Assert.Equal("message", (string?)body["type"]);
        Assert.Equal("Hello **team**", (string?)body["text"]);
        Assert.Equal("markdown", (string?)body["textFormat"]);
        Assert.Equal("28:bot", (string?)body["from"]!["id"]);
        Assert.Equal("1:sent", response.Id);
    }

    [Fact]
    public async Task ReplyToActivityAsync_PostsToTheRepliedActivity()
    {
        await using var connector = await FakeConnector.StartAsync(Replies.Created("1:reply"));

        var response = await Client().ReplyToActivityAsync(connector.ServiceUrl, "19:abc@thread.tacv2;messageid=17", "1:17", Activity.Message("ok"), default);

        var request = Assert.Single(connector.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v3/conversations/19%3Aabc%40thread.tacv2%3Bmessageid%3D17/activities/1%3A17", request.RawTarget);
        Assert.Equal("1:reply", response.Id);
    }

    [Fact]
    public async Task UpdateActivityAsync_PutsToTheActivity()
    {
        await using var connector = await FakeConnector.StartAsync(Replies.Json(200, """{"id":"1:card"}"""));
        var card = Activity.Message(attachments: [Attachment.AdaptiveCard(new JsonObject { ["type"] = "AdaptiveCard", ["version"] = "1.5" })]);

        var response = await Client().UpdateActivityAsync(connector.ServiceUrl, "a:1", "1:card", card, default);

        var request = Assert.Single(connector.Requests);
        Assert.Equal("PUT", request.Method);
        Assert.Equal("/v3/conversations/a%3A1/activities/1%3Acard", request.RawTarget);
        Assert.Equal(Attachment.AdaptiveCardContentType, (string?)JsonNode.Parse(request.Body)!["attachments"]![0]!["contentType"]);
        Assert.Equal("1:card", response.Id);
    }

    [Fact]
    public async Task CreateConversationAsync_PostsParametersAndParsesIdAndActivityId()
    {
        await using var connector = await FakeConnector.StartAsync(
            Replies.Json(201, """{"id":"19:abc@thread.tacv2;messageid=99","activityId":"99"}"""));
        var parameters = new ConversationParameters
        {
            IsGroup = true,
            ChannelData = new TeamsChannelData { Channel = new TeamsId { Id = "19:abc@thread.tacv2" } },
            Activity = Activity.Message("New retro thread"),
        };

        var created = await Client().CreateConversationAsync(connector.ServiceUrl, parameters, default);

        var request = Assert.Single(connector.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v3/conversations", request.RawTarget);
        var body = JsonNode.Parse(request.Body)!;
        Assert.True((bool)body["isGroup"]!);
        Assert.Equal("19:abc@thread.tacv2", (string?)body["channelData"]!["channel"]!["id"]);
        Assert.Equal("New retro thread", (string?)body["activity"]!["text"]);
        Assert.Equal("19:abc@thread.tacv2;messageid=99", created.Id);
        Assert.Equal("99", created.ActivityId);
    }

    [Fact]
    public async Task SendToConversationAsync_AcceptedWithEmptyBody_ReturnsNoId()
    {
        await using var connector = await FakeConnector.StartAsync(Replies.Status(202));

        var response = await Client().SendToConversationAsync(connector.ServiceUrl, "a:1", Activity.Typing(), default);

        Assert.Null(response.Id);
    }

    private static ConnectorClient Client() => new(new HttpClient(
        new ConnectorResilienceHandler(Options.Create(new ConnectorResilienceOptions { BaseDelay = TimeSpan.FromMilliseconds(5) }), TimeProvider.System)
        {
            InnerHandler = new SocketsHttpHandler(),
        })
    {
        Timeout = TimeSpan.FromSeconds(10),
    });
}
