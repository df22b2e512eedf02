using System.Net;

namespace AiCoachBot.Protocol.Files;

/// <summary>What became of an upload. Expected failures are values; only cancellation by the caller throws.</summary>
public abstract record UploadOutcome
{
    private UploadOutcome() { }

    public sealed record Uploaded : UploadOutcome;

    /// <summary>Nothing was sent: the URL or the content broke a rule.</summary>
    public sealed record Refused(string Reason) : UploadOutcome;

    /// <summary>The upload was tried and did not land. <see cref="Status"/> is null when no HTTP answer came back.</summary>
    public sealed record Failed(HttpStatusCode? Status, string Reason) : UploadOutcome;
}
