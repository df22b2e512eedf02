using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AiCoachBot.Protocol.Hosting;
using AiCoachBot.Protocol.Schema;

namespace AiCoachBot.Protocol.Tests.Schema;

public sealed class ActivityJsonTests
{
    [Fact]
    public void Serialize_KeepsFrenchTextAsUtf8_ToStayWithinTeamsSizeLimit()
    {
        var json = System.Text.Encoding.UTF8.GetString(ProtocolJson.Serialize(Activity.Message("Décision : déployer · « oui »")));

        Assert.Contains("Décision : déployer · « oui »", json);
        Assert.Equal("Décision : déployer · « oui »", ProtocolJson.DeserializeActivity(System.Text.Encoding.UTF8.GetBytes(json))!.Text);
    }

    [Fact]
    public void DeserializeActivity_PlaygroundPersonalMessage_ReadsTheFieldsTheBotUses()
    {
        var activity = Parse(TeamsSamples.PersonalMessage);

        Assert.Equal(ActivityTypes.Message, activity.Type);
        Assert.Equal("hello from playwright", activity.Text);
        Assert.Equal("msteams", activity.ChannelId);
        Assert.Equal("http://127.0.0.1:42150/_connector", activity.ServiceUrl);
        Assert.Equal("user-id-0", activity.From!.Id);
        Assert.Equal("00000000-0000-0000-0000-0000000000020", activity.From.AadObjectId);
        Assert.Equal("00000000-0000-0000-0000-00000000000011", activity.Recipient!.Id);
        Assert.Equal("personal", activity.Conversation!.ConversationType);
        Assert.Equal("00000000-0000-0000-0000-0000000000001", activity.Conversation.TenantId);
        Assert.Equal("00000000-0000-0000-0000-0000000000001", activity.ChannelData!.Tenant!.Id);
        var clientInfo = Assert.Single(activity.Entities!);
        Assert.Equal("clientInfo", clientInfo.Type);
        Assert.Equal("UTC", clientInfo.Timezone);
        Assert.Equal("Web", clientInfo.Extra!["platform"].GetString());
    }

    [Fact]
    public void DeserializeActivity_ChannelMessageWithMention_ReadsMentionTeamAndChannel()
    {
        var activity = Parse(TeamsSamples.ChannelMessageWithMention);

        Assert.Equal("19:abc123def456@thread.tacv2;messageid=1481567603816", activity.Conversation!.Id);
        Assert.True(activity.Conversation.IsGroup);
        Assert.Equal("channel", activity.Conversation.ConversationType);
        var mention = activity.Entities!.Single(e => e.Type == "mention");
        Assert.Equal(activity.Recipient!.Id, mention.Mentioned!.Id);
        Assert.Contains(mention.Text!, activity.Text);
        Assert.Equal("19:team789@thread.tacv2", activity.ChannelData!.Team!.Id);
        Assert.Equal("8d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d", activity.ChannelData.Team.Extra!["aadGroupId"].GetString());
        Assert.Equal("19:abc123def456@thread.tacv2", activity.ChannelData.Channel!.Id);
        Assert.Equal("text/html", Assert.Single(activity.Attachments!).ContentType);
        Assert.Equal(new DateTimeOffset(2024, 5, 2, 9, 15, 30, 123, TimeSpan.Zero), activity.Timestamp);
        Assert.Equal(TimeSpan.FromHours(2), activity.LocalTimestamp!.Value.Offset);
        Assert.Equal(activity.Timestamp, activity.LocalTimestamp);
    }

    [Fact]
    public void DeserializeActivity_ActionExecuteInvoke_ValueParsesAsAnAdaptiveCardAction()
    {
        var activity = Parse(TeamsSamples.ActionExecuteInvoke);
        var action = AdaptiveCardAction.Parse(activity.Value);

        Assert.Equal(ActivityTypes.Invoke, activity.Type);
        Assert.Equal(ActivityHandler.AdaptiveCardActionInvoke, activity.Name);
        Assert.Equal("1:card-1", activity.ReplyToId);
        Assert.NotNull(action);
        Assert.Equal("saveRetro", action.Verb);
        Assert.Equal("r-42", (string?)action.Data["retroId"]);
        Assert.Equal("message", activity.ChannelData!.Extra!["source"].GetProperty("name").GetString());
    }

    [Theory]
    [InlineData(TeamsSamples.PersonalMessage)]
    [InlineData(TeamsSamples.ChannelMessageWithMention)]
    [InlineData(TeamsSamples.ActionExecuteInvoke)]
    [InlineData(TeamsSamples.FileConsentAcceptedInvoke)]
    [InlineData(TeamsSamples.FileConsentDeclinedInvoke)]
    public void Serialize_AfterDeserialize_WritesBackEveryField(string json)
    {
        var original = JsonNode.Parse(json)!.AsObject();

        var written = JsonNode.Parse(ProtocolJson.Serialize(Parse(json)))!.AsObject();

        // Instants survive, but .NET writes "+00:00" where Teams wrote "Z": compare those as instants.
        foreach (var name in new[] { "timestamp", "localTimestamp" })
        {
            if (original[name] is null) continue;
            Assert.Equal(original[name]!.GetValue<DateTimeOffset>(), written[name]!.GetValue<DateTimeOffset>());
            original.Remove(name);
            written.Remove(name);
        }
        Assert.True(JsonNode.DeepEquals(original, written), $"Round trip changed the activity:\n{original}\n---\n{written}");
    }

    [Fact]
    public void DeserializeActivity_UnknownFields_KeptInExtraAndWrittenBack()
    {
        const string json = """
            {"type":"message","text":"hi","importance":"urgent","futureFeature":{"nested":[1,2,{"deep":true}]},
             "from":{"id":"29:1","userPrincipalName":"megan@contoso.com"},
             "conversation":{"id":"a:1","aadObjectId":"c0ffee00-0000-0000-0000-000000000000"}}
            """;

        var activity = Parse(json);
        var written = JsonNode.Parse(ProtocolJson.Serialize(activity))!;

        Assert.Equal("urgent", activity.Extra!["importance"].GetString());
        Assert.Equal("megan@contoso.com", activity.From!.Extra!["userPrincipalName"].GetString());
        Assert.Equal("urgent", (string?)written["importance"]);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"nested":[1,2,{"deep":true}]}"""), written["futureFeature"]));
        Assert.Equal("megan@contoso.com", (string?)written["from"]!["userPrincipalName"]);
        Assert.Equal("c0ffee00-0000-0000-0000-000000000000", (string?)written["conversation"]!["aadObjectId"]);
    }

    [Fact]
    public void Serialize_OutboundReply_CamelCaseAndNoNulls()
    {
        var reply = Activity.Message("Done") with
        {
            ReplyToId = "1:17",
            From = new ChannelAccount { Id = "28:bot" },
            Conversation = new ConversationAccount { Id = "a:1" },
        };

        var written = JsonNode.Parse(ProtocolJson.Serialize(reply))!.AsObject();

        Assert.Equal(["conversation", "from", "replyToId", "text", "type"], written.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(["id"], written["from"]!.AsObject().Select(p => p.Key));
        Assert.Equal(["id"], written["conversation"]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public void Serialize_AdaptiveCardAttachment_ContentTypeAndCardObject()
    {
        var card = new JsonObject { ["type"] = "AdaptiveCard", ["version"] = "1.5", ["body"] = new JsonArray() };

        var written = JsonNode.Parse(ProtocolJson.Serialize(Activity.Message(attachments: [Attachment.AdaptiveCard(card)])))!;

        var attachment = written["attachments"]![0]!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)attachment["contentType"]);
        Assert.Equal("AdaptiveCard", (string?)attachment["content"]!["type"]);
        Assert.Null(attachment["contentUrl"]);
    }

    [Theory]
    [InlineData("""{"type":"message" """)]
    [InlineData("""{"type":"message",}""")]
    [InlineData("""{"type":"message"} trailing""")]
    [InlineData("""{"type":"message" /* comment */}""")]
    [InlineData("not json at all")]
    [InlineData("""[{"type":"message"}]""")]
    [InlineData("\"message\"")]
    public void DeserializeActivity_MalformedJson_Throws(string json) =>
        Assert.ThrowsAny<JsonException>(() => Parse(json));

    [Theory]
    [InlineData("""{"type":5}""")]
    [InlineData("""{"type":"message","text":{"value":"hi"}}""")]
    [InlineData("""{"type":"message","conversation":"a:1"}""")]
    [InlineData("""{"type":"message","from":["29:1"]}""")]
    [InlineData("""{"type":"conversationUpdate","membersAdded":{"id":"28:bot"}}""")]
    [InlineData("""{"type":"message","entities":"mention"}""")]
    [InlineData("""{"type":"message","timestamp":"yesterday"}""")]
    [InlineData("""{"type":"message","conversation":{"id":"a:1","isGroup":"yes"}}""")]
    public void DeserializeActivity_WrongTypedField_Throws(string json) =>
        Assert.ThrowsAny<JsonException>(() => Parse(json));

    [Fact]
    public void DeserializeActivity_JsonNull_ReturnsNull() =>
        Assert.Null(ProtocolJson.DeserializeActivity("null"u8));

    private static Activity Parse(string json) => ProtocolJson.DeserializeActivity(Encoding.UTF8.GetBytes(json))!;
}
