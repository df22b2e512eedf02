namespace AiCoachBot.Protocol.Files;

/// <summary>Puts a whole file at the upload URL an accepted file consent card gave the bot.</summary>
public interface IFileUploader
{
    Task<UploadOutcome> UploadAsync(Uri uploadUrl, byte[] content, CancellationToken cancellationToken);
}
