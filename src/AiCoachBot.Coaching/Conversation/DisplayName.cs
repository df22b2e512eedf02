namespace AiCoachBot.Coaching.Conversation;

/// <summary>A person's display name as the bot stores and shows it: letters, digits, spaces and a few name characters.</summary>
public static class DisplayName
{
    public static string Of(string? name, string unknown = "?")
    {
        var kept = new string((name ?? "").Where(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '\'' or '.').Take(80).ToArray()).Trim();
        return kept.Length == 0 ? unknown : kept;
    }
}
