using System.Globalization;
using System.Text.Json.Nodes;
using AiCoachBot.Coaching.Localization;

namespace AiCoachBot.Coaching.Conversation;

/// <summary>Someone @mentioned in the message (never the bot itself).</summary>
public sealed record MentionedUser(string Id, string Name);

/// <summary>
/// What a user did: typed <see cref="Text"/>, or pressed a card button that sent <see cref="Value"/>.
/// <see cref="TimeZone"/> is the user's Teams time zone when the client says it.
/// </summary>
public sealed record UserTurn(
    ConversationScope Scope, string UserId, string? UserName, string? Locale, string? Text, JsonObject? Value, string? Verb = null, string? TimeZone = null,
    string? AccountId = null, IReadOnlyList<MentionedUser>? Mentions = null)
{
    /// <summary>Every id this person is known by: the Entra object id (<see cref="UserId"/>) and the Teams account id.</summary>
    public IReadOnlyList<string?> Ids => [UserId, AccountId];

    public Language Language => Languages.FromLocale(Locale);

    /// <summary>Where this user's state in this conversation is kept.</summary>
    public string SessionKey => State.StateKeys.Session(Scope.TenantId, Scope.ConversationId, UserId);

    /// <summary>The user's own regional format (en-US writes dates month first), within the supported languages.</summary>
    public CultureInfo Culture
    {
        get
        {
            if (Locale is { Length: > 1 and <= 20 } locale && IsLanguage(locale, Language))
            {
                try { return CultureInfo.GetCultureInfo(locale, predefinedOnly: true); }
                catch (CultureNotFoundException) { }
            }
            return Language.Culture();
        }
    }

    private static bool IsLanguage(string locale, Language language) =>
        locale.StartsWith(language.Code(), StringComparison.OrdinalIgnoreCase) && (locale.Length == 2 || locale[2] == '-');
}
