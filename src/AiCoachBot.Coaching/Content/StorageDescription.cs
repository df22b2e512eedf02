namespace AiCoachBot.Coaching.Content;

/// <summary>
/// Where the service keeps what it stores, as the privacy texts tell users: the embedded file or a shared database, and
/// how many days untouched conversation state is kept.
/// </summary>
public sealed record StorageDescription(bool SharedDatabase, int RetentionDays = 90)
{
    public string TextKey => SharedDatabase ? TextKeys.StorageShared : TextKeys.StorageEmbedded;

    public string Days => RetentionDays.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
