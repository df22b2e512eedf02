using AiCoachBot.Protocol.Schema;

namespace AiCoachBot.Protocol.Hosting;

/// <summary>The minimum an activity needs before anything else looks at it.</summary>
internal static class ActivityShape
{
    public static string? Problem(Activity activity)
    {
        if (string.IsNullOrWhiteSpace(activity.Type)) return "type is required";
        if (!Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl) ||
            (serviceUrl.Scheme != Uri.UriSchemeHttps && serviceUrl.Scheme != Uri.UriSchemeHttp))
            return "serviceUrl must be an absolute http(s) URL";
        if (string.IsNullOrWhiteSpace(activity.Conversation?.Id)) return "conversation.id is required";
        if (activity.Conversation.Id.Length > 512) return "conversation.id is too long";
        return null;
    }
}
