namespace AiCoachBot.Coaching.Privacy;

/// <summary>Who a record is attributed to once the person behind it asked to be forgotten.</summary>
public static class FormerMember
{
    public const string Id = "former-member";

    public const string Name = "a former member";
}
