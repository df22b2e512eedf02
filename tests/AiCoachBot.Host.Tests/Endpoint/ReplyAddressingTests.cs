using AiCoachBot.Host.Tests.Support;

namespace AiCoachBot.Host.Tests.Endpoint;

/// <summary>Replies go back through the serviceUrl the activity came with, addressed the way Teams expects.</summary>
public sealed class ReplyAddressingTests : BotTest
{
    [Fact]
    public async Task Reply_IsAnsweredToTheUserFromTheBot_AsAReplyToTheirMessage()
    {
        var chat = PersonalChat();
        var message = chat.Message("privacy");

        var reply = (await SendAsync(chat, message, replies: 1)).Single();

        var body = reply.Body!;
        Assert.Equal("message", body["type"]!.GetValue<string>());
        Assert.Equal($"/v3/conversations/{Uri.EscapeDataString(chat.ConversationId)}/activities/{message["id"]}", reply.RawPath);
        Assert.Equal(message["id"]!.GetValue<string>(), body["replyToId"]!.GetValue<string>());
        Assert.Equal(ActivityBuilder.BotId, body["from"]!["id"]!.GetValue<string>());
        Assert.Equal(chat.UserId, body["recipient"]!["id"]!.GetValue<string>());
        Assert.Equal(chat.ConversationId, body["conversation"]!["id"]!.GetValue<string>());
        Assert.Equal("msteams", body["channelId"]!.GetValue<string>());
        Assert.Null(body["entities"]); // clientInfo is for inbound activities only
        Assert.Null(body["serviceUrl"]);
    }

    [Fact]
    public async Task ServiceUrlWithARegionPath_RepliesUnderThatPath()
    {
        var chat = ActivityBuilder.PersonalChat(Connector.ServiceUrl + "amer/");

        await SayOneAsync(chat, "help");

        Assert.StartsWith("/amer/v3/conversations/", Assert.Single(Connector.RequestsTo(chat.ConversationId)).RawPath);
    }

    [Fact]
    public async Task TextReply_IsMarkdown()
    {
        var chat = PersonalChat();

        var reply = await SayOneAsync(chat, "cancel");

        Assert.Equal("markdown", reply.Body!["textFormat"]!.GetValue<string>());
    }
}
