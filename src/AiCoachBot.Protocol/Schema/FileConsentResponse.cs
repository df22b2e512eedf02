using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace AiCoachBot.Protocol.Schema;

/// <summary>The <c>value</c> of a <c>fileConsent/invoke</c>: the user's answer to a <see cref="FileConsentCard"/>.</summary>
public sealed record FileConsentResponse
{
    public const string FileUploadType = "fileUpload";
    public const string Accept = "accept";
    public const string Decline = "decline";

    public string? Type { get; init; }
    public string? Action { get; init; }
    /// <summary>The card's acceptContext or declineContext, as the bot wrote it.</summary>
    public JsonNode? Context { get; init; }
    /// <summary>Where to put the file; only when the user accepted.</summary>
    public FileUploadInfo? UploadInfo { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }

    [JsonIgnore]
    public bool Accepted => Action == Accept;
}

/// <summary>A OneDrive placeholder for the accepted file. <see cref="UploadUrl"/> is pre-authorised: treat it as a secret.</summary>
public sealed record FileUploadInfo
{
    public string? Name { get; init; }
    public string? UploadUrl { get; init; }
    public string? ContentUrl { get; init; }
    public string? UniqueId { get; init; }
    public string? FileType { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }

    /// <summary>The upload URL when it is an absolute http(s) URL, else null.</summary>
    [JsonIgnore]
    public Uri? UploadUri =>
        Uri.TryCreate(UploadUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? uri : null;
}
