using System.Text.Json.Nodes;

namespace AiCoachBot.Host.Tests.Support;

/// <summary>
/// Inbound activities shaped like the ones Teams posts, for one conversation and one user. Each builder
/// gets a conversation of its own, so tests sharing a data folder never see each other's state.
/// </summary>
public sealed class ActivityBuilder
{
    public const string AppId = "7f9c1a52-3b8e-4d6a-9c2f-5e1b0a7d4c93";
    public const string BotId = "28:" + AppId;
    public const string BotName = "AiCoachBot";
    public const string TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    public const string Mention = "<at>" + BotName + "</at>";

    private static long _lastActivityId = 1_700_000_000_000;
    private readonly string _kind;

    private ActivityBuilder(string serviceUrl, string conversationId, string kind, string locale, string? teamId, string userName)
    {
        ServiceUrl = serviceUrl;
        ConversationId = conversationId;
        _kind = kind;
        Locale = locale;
        TeamId = teamId;
        UserName = userName;
    }

    public string ServiceUrl { get; }
    public string ConversationId { get; }
    public string Locale { get; }
    public string? TeamId { get; }
    public string UserName { get; }
    public string UserId { get; private init; } = "29:1" + Guid.NewGuid().ToString("N");
    public string UserAadObjectId { get; private init; } = Guid.NewGuid().ToString();

    /// <summary>The same person in another thread of the same channel (the thread a bot's post started).</summary>
    public ActivityBuilder InThread(string conversationId) =>
        new(ServiceUrl, conversationId, _kind, Locale, TeamId, UserName) { UserId = UserId, UserAadObjectId = UserAadObjectId };

    /// <summary>The same person in their personal chat with the bot.</summary>
    public ActivityBuilder InPersonalChat() =>
        new(ServiceUrl, "a:1" + Guid.NewGuid().ToString("N"), "personal", Locale, null, UserName) { UserId = UserId, UserAadObjectId = UserAadObjectId };

    /// <summary>Someone else in the same conversation (a colleague in the channel).</summary>
    public ActivityBuilder AnotherUser(string userName) => new(ServiceUrl, ConversationId, _kind, Locale, TeamId, userName);

    public static ActivityBuilder PersonalChat(string serviceUrl, string locale = "en-US", string userName = "Ada Lovelace") =>
        new(serviceUrl, "a:1" + Guid.NewGuid().ToString("N"), "personal", locale, null, userName);

    /// <summary>A thread of a team channel: the id carries ':', '@' and ';', which must survive the connector path.</summary>
    /// <summary>A group chat (not a team), with this person in it.</summary>
    public ActivityBuilder InGroupChat() =>
        new(ServiceUrl, "19:" + Guid.NewGuid().ToString("N") + "@thread.v2", "groupChat", Locale, null, UserName) { UserId = UserId, UserAadObjectId = UserAadObjectId };

    public static ActivityBuilder TeamChannel(string serviceUrl, string? teamId = null, string locale = "en-US") =>
        new(serviceUrl, $"19:{Guid.NewGuid():N}@thread.tacv2;messageid={Interlocked.Increment(ref _lastActivityId)}", "channel", locale,
            teamId ?? $"19:{Guid.NewGuid():N}@thread.tacv2", "Grace Hopper");

    /// <summary>A typed message. In a channel, a <c>&lt;at&gt;AiCoachBot&lt;/at&gt;</c> in the text gets its mention entity, as Teams sends it.</summary>
    public JsonObject Message(string? text)
    {
        var activity = Common("message");
        activity["text"] = text;
        activity["textFormat"] = "plain";
        if (text is not null && text.Contains(Mention, StringComparison.Ordinal))
        {
            activity["entities"]!.AsArray().Insert(0, new JsonObject
            {
                ["type"] = "mention",
                ["text"] = Mention,
                ["mentioned"] = new JsonObject { ["id"] = BotId, ["name"] = BotName },
            });
        }
        return activity;
    }

    /// <summary>What an Action.Submit button sends: a message whose value is the button's data plus the inputs.</summary>
    public JsonObject Submit(JsonNode? value, string? replyToId = null)
    {
        var activity = Common("message");
        activity["value"] = value;
        if (replyToId is not null) activity["replyToId"] = replyToId;
        activity["channelData"]!["source"] = new JsonObject { ["name"] = "message" };
        return activity;
    }

    /// <summary>What an Action.Execute button sends: the synchronous <c>adaptiveCard/action</c> invoke.</summary>
    public JsonObject Execute(string? verb, JsonObject data, string? replyToId = null) => Invoke(new JsonObject
    {
        ["action"] = new JsonObject { ["type"] = "Action.Execute", ["id"] = Guid.NewGuid().ToString(), ["verb"] = verb, ["data"] = data },
        ["trigger"] = "manual",
    }, replyToId);

    public JsonObject Invoke(JsonNode? value, string? replyToId = null, string name = "adaptiveCard/action")
    {
        var activity = Common("invoke");
        activity["name"] = name;
        activity["value"] = value;
        if (replyToId is not null) activity["replyToId"] = replyToId;
        return activity;
    }

    public JsonObject BotAdded() => MembersAdded(BotId);

    public JsonObject MembersAdded(params string[] memberIds)
    {
        var activity = Common("conversationUpdate");
        activity.Remove("entities");
        activity["membersAdded"] = new JsonArray([.. memberIds.Select(id => (JsonNode)new JsonObject { ["id"] = id })]);
        if (_kind == "channel") activity["channelData"]!["eventType"] = "teamMemberAdded";
        return activity;
    }

    public JsonObject InstallationAdd()
    {
        var activity = Common("installationUpdate");
        activity.Remove("entities");
        activity["action"] = "add";
        return activity;
    }

    /// <summary>Any other activity type, with the usual envelope.</summary>
    public JsonObject OfType(string type) => Common(type);

    private JsonObject Common(string type)
    {
        var conversation = new JsonObject
        {
            ["id"] = ConversationId,
            ["conversationType"] = _kind,
            ["tenantId"] = TenantId,
        };
        if (_kind == "channel") conversation["isGroup"] = true;

        var channelData = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } };
        if (_kind == "channel")
        {
            channelData["team"] = new JsonObject { ["id"] = TeamId };
            channelData["channel"] = new JsonObject { ["id"] = ConversationId.Split(';')[0] };
        }

        return new JsonObject
        {
            ["type"] = type,
            ["id"] = Interlocked.Increment(ref _lastActivityId).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["timestamp"] = "2026-03-02T09:15:00.000Z",
            ["localTimestamp"] = "2026-03-02T10:15:00.000+01:00",
            ["localTimezone"] = "Europe/Paris",
            ["serviceUrl"] = ServiceUrl,
            ["channelId"] = "msteams",
            ["from"] = new JsonObject { ["id"] = UserId, ["name"] = UserName, ["aadObjectId"] = UserAadObjectId },
            ["conversation"] = conversation,
            ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = BotName },
            ["locale"] = Locale,
            ["entities"] = new JsonArray(new JsonObject
            {
                ["type"] = "clientInfo",
                ["locale"] = Locale,
                ["country"] = Locale.Length >= 5 ? Locale[3..5] : "US",
                ["platform"] = "Web",
                ["timezone"] = "Europe/Paris",
            }),
            ["channelData"] = channelData,
        };
    }
}
