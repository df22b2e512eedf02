namespace AiCoachBot.Coaching.Retros;

/// <summary>What a retro says of an earlier retro's open action.</summary>
public static class ReviewStatus
{
    public const string Carried = "carried";
    public const string Done = "done";
    public const string Dropped = "dropped";

    public static IReadOnlyList<string> All { get; } = [Carried, Done, Dropped];
}
