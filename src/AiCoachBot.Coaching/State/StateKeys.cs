namespace AiCoachBot.Coaching.State;

public static class StateKeys
{
    public static string Session(string tenantId, string conversationId, string userId) => $"session/{tenantId}/{conversationId}/{userId}";

    public static string Install(string tenantId, string scopeId) => $"install/{tenantId}/{scopeId}";
}
