using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace AiCoachBot.Protocol.Schema;

public sealed record Attachment
{
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    public string? ContentType { get; init; }
    public JsonNode? Content { get; init; }
    public string? ContentUrl { get; init; }
    public string? Name { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }

    public static Attachment AdaptiveCard(JsonObject card) => new() { ContentType = AdaptiveCardContentType, Content = card };

    /// <summary>Asks to send the file <paramref name="name"/>; <paramref name="context"/> comes back whether the user accepts or declines.</summary>
    public static Attachment FileConsent(string name, string description, long sizeInBytes, JsonObject context) => new()
    {
        ContentType = FileConsentCard.ContentType,
        Name = name,
        Content = JsonSerializer.SerializeToNode(
            new FileConsentCard { Description = description, SizeInBytes = sizeInBytes, AcceptContext = context, DeclineContext = context },
            ProtocolJsonContext.Default.FileConsentCard),
    };

    /// <summary>Shows a file the user's OneDrive now holds, so they can open, preview or download it.</summary>
    public static Attachment FileInfo(string name, string contentUrl, string uniqueId, string fileType) =>
        FileInfo(new FileUploadInfo { Name = name, ContentUrl = contentUrl, UniqueId = uniqueId, FileType = fileType });

    /// <summary>The file info card for the file an accepted consent card led to.</summary>
    public static Attachment FileInfo(FileUploadInfo uploaded) => new()
    {
        ContentType = FileInfoCard.ContentType,
        Name = uploaded.Name,
        ContentUrl = uploaded.ContentUrl,
        Content = JsonSerializer.SerializeToNode(
            new FileInfoCard { UniqueId = uploaded.UniqueId, FileType = uploaded.FileType }, ProtocolJsonContext.Default.FileInfoCard),
    };
}
