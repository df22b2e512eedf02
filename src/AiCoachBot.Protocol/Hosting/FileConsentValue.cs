using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;
using AiCoachBot.Protocol.Schema;

namespace AiCoachBot.Protocol.Hosting;

/// <summary>
/// Reads the value of a <c>fileConsent/invoke</c>. The problem is said plainly because it goes back in the 400;
/// whether the upload URL may be used is the uploader's business, not this one's.
/// </summary>
internal static class FileConsentValue
{
    public static bool TryRead(JsonNode? value, [NotNullWhen(true)] out FileConsentResponse? response, [NotNullWhen(false)] out string? problem)
    {
        response = null;
        if (value is not JsonObject)
        {
            problem = "The invoke value is not an object.";
            return false;
        }
        FileConsentResponse read;
        try { read = value.Deserialize(ProtocolJsonContext.Default.FileConsentResponse)!; }
        catch (JsonException)
        {
            problem = "The invoke value has a field of the wrong type.";
            return false;
        }
        problem = Problem(read);
        if (problem is not null) return false;
        response = read;
        return true;
    }

    private static string? Problem(FileConsentResponse value) => value switch
    {
        { Action: null } => "value.action is required.",
        { Action: not (FileConsentResponse.Accept or FileConsentResponse.Decline) } => "value.action must be 'accept' or 'decline'.",
        { Action: FileConsentResponse.Accept, UploadInfo: null } => "value.uploadInfo is required when the file is accepted.",
        { Action: FileConsentResponse.Accept, UploadInfo.UploadUri: null } => "value.uploadInfo.uploadUrl must be an absolute http(s) URL.",
        _ => null,
    };
}
