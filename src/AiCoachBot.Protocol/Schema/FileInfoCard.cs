using System.Text.Json;
using System.Text.Json.Serialization;

namespace AiCoachBot.Protocol.Schema;

/// <summary>The content of the card that shows an uploaded file; its name and URL are on the attachment itself.</summary>
public sealed record FileInfoCard
{
    public const string ContentType = "application/vnd.microsoft.teams.card.file.info";

    public string? UniqueId { get; init; }
    public string? FileType { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
