using System.Text.Json;
using System.Text.Json.Serialization;

namespace AiCoachBot.Protocol.Schema;

/// <summary>An entry of <c>entities[]</c>: mentions and Teams clientInfo are modelled, the rest is kept as is.</summary>
public sealed record Entity
{
    public string? Type { get; init; }
    public ChannelAccount? Mentioned { get; init; }
    public string? Text { get; init; }
    public string? Locale { get; init; }
    public string? Timezone { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
