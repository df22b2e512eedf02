using System.Text.Json.Nodes;

namespace AiCoachBot.Protocol.Schema;

/// <summary>The HTTP status and body a synchronous invoke is answered with.</summary>
public sealed record InvokeResponse(int Status, JsonNode? Body)
{
    public static InvokeResponse Empty { get; } = new(200, null);

    public static InvokeResponse Of(AdaptiveCardInvokeResponse body, int httpStatus = 200) =>
        new(httpStatus, System.Text.Json.JsonSerializer.SerializeToNode(body, ProtocolJsonContext.Default.AdaptiveCardInvokeResponse));
}

/// <summary>The body Teams expects for <c>adaptiveCard/action</c>: the client reads the inner status code.</summary>
public sealed record AdaptiveCardInvokeResponse(int StatusCode, string Type, JsonNode? Value)
{
    public const string CardType = "application/vnd.microsoft.card.adaptive";
    public const string MessageType = "application/vnd.microsoft.activity.message";
    public const string ErrorType = "application/vnd.microsoft.error";

    public static AdaptiveCardInvokeResponse Card(JsonObject card) => new(200, CardType, card);
    public static AdaptiveCardInvokeResponse Message(string text) => new(200, MessageType, JsonValue.Create(text));
    public static AdaptiveCardInvokeResponse Error(int statusCode, string code, string message) =>
        new(statusCode, ErrorType, new JsonObject { ["code"] = code, ["message"] = message });
}
