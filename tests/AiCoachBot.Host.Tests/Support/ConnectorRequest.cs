using System.Text.Json.Nodes;

namespace AiCoachBot.Host.Tests.Support;

/// <summary>One request the fake Bot Connector received, and the status it answered with.</summary>
public sealed record ConnectorRequest(
    string Method,
    string RawPath,
    string? ConversationId,
    string? ActivityId,
    string? Authorization,
    JsonNode? Body,
    int Status,
    string? ResponseId)
{
    public string? Type => Body?["type"]?.GetValue<string>();
    public string? Text => Body?["text"]?.GetValue<string>();
    public bool Delivered => Status is >= 200 and < 300;
    public bool IsMessagePost => Method == "POST" && Type == "message";

    /// <summary>The Adaptive Card of a message; fails the test when the message is not a card.</summary>
    public JsonObject Card
    {
        get
        {
            var attachment = Body?["attachments"]?.AsArray().SingleOrDefault()
                ?? throw new Xunit.Sdk.XunitException($"Expected a card, got: {Body?.ToJsonString()}");
            Assert.Equal("application/vnd.microsoft.card.adaptive", attachment["contentType"]?.GetValue<string>());
            return attachment["content"]!.AsObject();
        }
    }

    public bool IsCard => Body?["attachments"] is JsonArray { Count: > 0 };

    public override string ToString() => $"{Method} {RawPath} -> {Status}: {Body?.ToJsonString()}";
}
