using System.Text.Json;
using System.Text.Json.Serialization;

namespace AiCoachBot.Protocol.Schema;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true,
    ReadCommentHandling = JsonCommentHandling.Disallow,
    MaxDepth = 64)]
[JsonSerializable(typeof(Activity))]
[JsonSerializable(typeof(ResourceResponse))]
[JsonSerializable(typeof(ConversationResourceResponse))]
[JsonSerializable(typeof(ConversationParameters))]
[JsonSerializable(typeof(PagedMembersResult))]
[JsonSerializable(typeof(ChannelAccount))]
[JsonSerializable(typeof(AdaptiveCardInvokeResponse))]
[JsonSerializable(typeof(ConnectorErrorResponse))]
[JsonSerializable(typeof(FileConsentCard))]
[JsonSerializable(typeof(FileConsentResponse))]
[JsonSerializable(typeof(FileInfoCard))]
internal sealed partial class ProtocolJsonContext : JsonSerializerContext;

public static class ProtocolJson
{
    public static JsonSerializerOptions Options => ProtocolJsonContext.Default.Options;

    /// <summary>
    /// What the bot sends keeps non-ASCII text as UTF-8 instead of \uXXXX escapes: a French card is then up to three
    /// times smaller against Teams' 28 KB message limit. Safe here: these bodies are JSON over HTTP, never inlined in HTML.
    /// </summary>
    private static readonly ProtocolJsonContext Outbound = new(new JsonSerializerOptions(ProtocolJsonContext.Default.Options)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = null,
    });

    public static Activity? DeserializeActivity(ReadOnlySpan<byte> utf8) =>
        JsonSerializer.Deserialize(utf8, ProtocolJsonContext.Default.Activity);

    public static byte[] Serialize(Activity activity) =>
        JsonSerializer.SerializeToUtf8Bytes(activity, Outbound.Activity);

    public static byte[] Serialize(AdaptiveCardInvokeResponse response) =>
        JsonSerializer.SerializeToUtf8Bytes(response, Outbound.AdaptiveCardInvokeResponse);

    /// <summary>An invoke's answer, written as the activities are (non-ASCII text kept as UTF-8).</summary>
    public static string Write(System.Text.Json.Nodes.JsonNode body) => body.ToJsonString(Outbound.Options);

    public static byte[] Serialize(ConversationParameters parameters) =>
        JsonSerializer.SerializeToUtf8Bytes(parameters, Outbound.ConversationParameters);
}
