namespace AiCoachBot.Coaching.State;

public static class StateKeys
{
    public static string Session(string tenantId, string conversationId, string userId) => $"session/{tenantId}/{conversationId}/{userId}";

    public static string Install(string tenantId, string scopeId) => $"install/{tenantId}/{scopeId}";

    public static string CachedAnswer(string fingerprint) => $"coach-cache/{fingerprint}";

    public static string TokenUsage(string tenantId, string userId, DateOnly day) => $"coach-usage/{tenantId}/{userId}/{day:yyyy-MM-dd}";

    public static string LastAnswer(string sessionKey) => $"coach-last/{sessionKey}";

    public static string Answer(string tenantId, string conversationId, string activityId) => $"coach-answer/{tenantId}/{conversationId}/{activityId}";

    public static string Roster(string tenantId, string conversationId) => $"roster/{tenantId}/{conversationId}";
}
