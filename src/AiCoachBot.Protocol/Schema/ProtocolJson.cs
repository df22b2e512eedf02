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
[JsonSerializable(typeof(AdaptiveCardInvokeResponse))]
[JsonSerializable(typeof(ConnectorErrorResponse))]
[JsonSerializable(typeof(FileConsentCard))]
[JsonSerializable(typeof(FileConsentResponse))]
[JsonSerializable(typeof(FileInfoCard))]
internal sealed partial class ProtocolJsonContext : JsonSerializerContext;

public static class ProtocolJson
{
    public static JsonSerializerOptions Options => ProtocolJsonContext.Default.Options;

    public static Activity? DeserializeActivity(ReadOnlySpan<byte> utf8) =>
        JsonSerializer.Deserialize(utf8, ProtocolJsonContext.Default.Activity);

    public static byte[] Serialize(Activity activity) =>
        JsonSerializer.SerializeToUtf8Bytes(activity, ProtocolJsonContext.Default.Activity);

    public static byte[] Serialize(AdaptiveCardInvokeResponse response) =>
        JsonSerializer.SerializeToUtf8Bytes(response, ProtocolJsonContext.Default.AdaptiveCardInvokeResponse);
}
