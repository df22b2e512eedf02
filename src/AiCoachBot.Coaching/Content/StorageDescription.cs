namespace AiCoachBot.Coaching.Content;

/// <summary>Where the service keeps what it stores, as the privacy texts tell users: the embedded file, or a shared database.</summary>
public sealed record StorageDescription(bool SharedDatabase)
{
    public string TextKey => SharedDatabase ? TextKeys.StorageShared : TextKeys.StorageEmbedded;
}
