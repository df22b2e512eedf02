using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AiCoachBot.Host.Tests.Support;
using static AiCoachBot.Host.Tests.Support.Expect;

namespace AiCoachBot.Host.Tests.Endpoint;

/// <summary>
/// Whatever arrives at /api/messages, the bot answers with a 4xx or a polite reply: never a 500, never a
/// stack trace, and never damage to a conversation in progress.
/// </summary>
public sealed class BadInputTests : BotTest
{
    /// <param name="Body">The request body, built for the test's chat.</param>
    /// <param name="ReplyKey">The text the user must get back, when the input deserves an answer.</param>
    public sealed record BadInput(string Name, Func<ActivityBuilder, string> Body, HttpStatusCode Status, string? ReplyKey = null, params (string, string)[] ReplyArgs);

    private static readonly BadInput[] Cases =
    [
        Raw("malformed JSON", """{"type":"message","text":"help""", HttpStatusCode.BadRequest),
        Raw("empty body", "", HttpStatusCode.BadRequest),
        Raw("JSON null", "null", HttpStatusCode.BadRequest),
        Raw("JSON array", "[]", HttpStatusCode.BadRequest),
        Raw("JSON string", "\"help\"", HttpStatusCode.BadRequest),
        Activity("missing type", c => Without(c.Message("help"), "type"), HttpStatusCode.BadRequest),
        Activity("missing conversation", c => Without(c.Message("help"), "conversation"), HttpStatusCode.BadRequest),
        Activity("conversation without id", c => With(c.Message("help"), "conversation", new JsonObject { ["conversationType"] = "personal" }), HttpStatusCode.BadRequest),
        Activity("conversation id too long", c => With(c.Message("help"), "conversation", new JsonObject { ["id"] = new string('a', 600) }), HttpStatusCode.BadRequest),
        Activity("conversation is a string", c => With(c.Message("help"), "conversation", "a:1abc"), HttpStatusCode.BadRequest),
        Activity("missing serviceUrl", c => Without(c.Message("help"), "serviceUrl"), HttpStatusCode.BadRequest),
        Activity("serviceUrl not a URL", c => With(c.Message("help"), "serviceUrl", "smba.trafficmanager.net/teams"), HttpStatusCode.BadRequest),
        Activity("serviceUrl with a file scheme", c => With(c.Message("help"), "serviceUrl", "file:///etc/passwd"), HttpStatusCode.BadRequest),
        Activity("text is a number", c => With(c.Message("help"), "text", 42), HttpStatusCode.BadRequest),
        Activity("JSON nested too deep", c => With(c.Message("help"), "value", Nested(200)), HttpStatusCode.BadRequest),
        Activity("body over the size limit", c => c.Message(new string('a', 300 * 1024)), HttpStatusCode.RequestEntityTooLarge),
        Activity("unknown activity type", c => With(c.OfType("messageReaction"), "reactionsAdded", new JsonArray(new JsonObject { ["type"] = "like" })), HttpStatusCode.OK),
        Activity("unknown invoke name", c => c.Invoke(new JsonObject(), name: "task/fetch"), HttpStatusCode.OK),
        Activity("card value is a string", c => c.Submit("string"), HttpStatusCode.OK, "card.unknownAction"),
        Activity("card value is an array", c => c.Submit(new JsonArray(1, 2)), HttpStatusCode.OK, "card.unknownAction"),
        Activity("flow answer without flow or step", c => c.Submit(new JsonObject { ["action"] = "flow.answer", ["token"] = "abc" }), HttpStatusCode.OK, "card.unknownAction"),
        Activity("flow answer with an overflowing token", c => c.Submit(new JsonObject
            {
                ["action"] = "flow.answer", ["flow"] = HostTestFlow.Id, ["step"] = "stage", ["token"] = 99_999_999_999, ["answer"] = "pilot",
            }), HttpStatusCode.OK, "card.unknownAction"),
        Activity("10,000-character text", c => c.Message(new string('x', 10_000)), HttpStatusCode.OK, "message.tooLong", ("max", "4000")),
        Activity("message without text", c => c.Message(null), HttpStatusCode.OK, "message.empty"),
        Activity("entities holding a null, no locale",
            c => With(Without(c.Message("hello there"), "locale"), "entities", new JsonArray(null, new JsonObject { ["type"] = "clientInfo", ["locale"] = "en-US" })),
            HttpStatusCode.OK, "message.notUnderstood"),
        Activity("invoke with entities holding a null, no locale",
            c => With(Without(c.Execute("order.pizza", new JsonObject()), "locale"), "entities", new JsonArray(null, new JsonObject { ["type"] = "clientInfo", ["locale"] = "en-US" })),
            HttpStatusCode.OK),
        Activity("membersAdded holding a null", c => With(c.BotAdded(), "membersAdded", new JsonArray(null, new JsonObject { ["id"] = "29:1someone" })), HttpStatusCode.OK),
    ];

    private static BadInput Raw(string name, string body, HttpStatusCode status) => new(name, _ => body, status);

    private static BadInput Activity(string name, Func<ActivityBuilder, JsonObject> activity, HttpStatusCode status, string? replyKey = null, params (string, string)[] replyArgs) =>
        new(name, c => activity(c).ToJsonString(), status, replyKey, replyArgs);

    public static TheoryData<string> CaseNames => [.. Cases.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task BadInput_IsRefusedOrAnsweredPolitely_NeverWithA500(string name)
    {
        var input = Cases.Single(c => c.Name == name);
        var chat = PersonalChat();

        using var response = await Bot.PostRawAsync(input.Body(chat));

        await AssertNoServerErrorAsync(response);
        Assert.Equal(input.Status, response.StatusCode);
        if (input.Status != HttpStatusCode.OK) Assert.Empty(await response.Content.ReadAsStringAsync());
        if (input.ReplyKey is null)
        {
            Assert.Empty(Connector.RequestsTo(chat.ConversationId));
            return;
        }
        var reply = await Connector.NextMessageAsync(chat.ConversationId);
        Assert.Equal(Bot.En(input.ReplyKey, input.ReplyArgs), reply.Text);
        Assert.Empty(Connector.UnreadMessages(chat.ConversationId));
    }

    [Fact]
    public async Task EveryBadInput_LeavesTheFlowInProgressIntact()
    {
        var chat = PersonalChat();
        await TalkAsync(chat,
            new Line(HostTestFlow.TriggerEn, Asks("sponsor")),
            new Line("yes", Asks("stage")));

        var serverErrors = new List<string>();
        foreach (var input in Cases)
        {
            using var response = await Bot.PostRawAsync(input.Body(chat));
            if ((int)response.StatusCode >= 500) serverErrors.Add($"{input.Name}: {(int)response.StatusCode}");
        }
        Connector.MarkAllRead(chat.ConversationId); // the polite replies are checked one by one above

        await TalkAsync(chat,
            new Line("pilot", Asks("quality")),
            new Line("back", Asks("stage")));
        Assert.Empty(serverErrors);
    }

    /// <summary>Text that is not valid Unicode, where the JSON reader only finds out when it reads the string.</summary>
    [Theory]
    [InlineData("text", "invalid UTF-8")]
    [InlineData("text", "lone surrogate")]
    [InlineData("locale", "lone surrogate")]
    [InlineData("value", "invalid UTF-8")]
    [InlineData("value", "lone surrogate")]
    [InlineData("conversation", "lone surrogate")]
    public async Task InvalidUnicodeInAField_IsRefusedOrAnsweredPolitely_NeverWithA500(string field, string kind)
    {
        var chat = PersonalChat();
        var activity = chat.Message("help");
        const string marker = "@@BAD@@";
        switch (field)
        {
            case "value": activity["value"] = new JsonObject { ["command"] = marker }; break;
            case "conversation": activity["conversation"]!["id"] = chat.ConversationId + marker; break;
            default: activity[field] = marker; break;
        }
        var json = activity.ToJsonString();
        var bytes = kind == "invalid UTF-8"
            ? Concat(Encoding.UTF8.GetBytes(json[..json.IndexOf(marker, StringComparison.Ordinal)]), [0xC3, 0x28, 0xFF], Encoding.UTF8.GetBytes(json[(json.IndexOf(marker, StringComparison.Ordinal) + marker.Length)..]))
            : Encoding.UTF8.GetBytes(json.Replace(marker, "\\ud800"));

        using var response = await Bot.PostBytesAsync(bytes);

        await AssertNoServerErrorAsync(response);
        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.BadRequest });
    }

    private static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(p => p)];

    [Fact]
    public async Task BodyOverTheLimitWithoutContentLength_Is413()
    {
        var chat = PersonalChat();
        var bytes = Encoding.UTF8.GetBytes(chat.Message(new string('a', 300 * 1024)).ToJsonString());
        using var content = new StreamContent(new UnseekableStream(bytes)); // no length known: sent chunked
        content.Headers.ContentType = new("application/json");

        using var response = await Bot.Http.PostAsync("/api/messages", content);

        Assert.Null(content.Headers.ContentLength);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(Connector.RequestsTo(chat.ConversationId));
    }

    [Fact]
    public async Task SmallerLimitConfigured_IsEnforced()
    {
        var bot = StartBot(new Dictionary<string, string?> { ["BotEndpoint:MaxBodyBytes"] = "20000" });
        var chat = PersonalChat();

        using var response = await bot.PostAsync(chat.Message(new string('a', 25_000)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task OtherMethodThanPost_Is405(string method)
    {
        using var response = await Bot.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/api/messages"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        await AssertNoServerErrorAsync(response);
    }

    private static async Task AssertNoServerErrorAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode}: {body}");
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
    }

    private static JsonObject Without(JsonObject activity, string property)
    {
        activity.Remove(property);
        return activity;
    }

    private static JsonObject With(JsonObject activity, string property, JsonNode? value)
    {
        activity[property] = value;
        return activity;
    }

    private static JsonNode Nested(int depth)
    {
        JsonNode node = new JsonObject();
        for (var i = 0; i < depth; i++) node = new JsonObject { ["a"] = node };
        return node;
    }

    /// <summary>Hides its length, so HttpClient must stream the body without a Content-Length.</summary>
    private sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
