using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace AiCoachBot.Protocol.Schema;

/// <summary>
/// Asks the user, in a personal chat, to let the bot write a file to their OneDrive. The contexts come back,
/// unread by Teams, in the <c>fileConsent/invoke</c> that answers the card.
/// </summary>
public sealed record FileConsentCard
{
    public const string ContentType = "application/vnd.microsoft.teams.card.file.consent";

    public string? Description { get; init; }
    public long? SizeInBytes { get; init; }
    public JsonNode? AcceptContext { get; init; }
    public JsonNode? DeclineContext { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
