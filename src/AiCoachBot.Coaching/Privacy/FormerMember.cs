using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Localization;

namespace AiCoachBot.Coaching.Privacy;

/// <summary>Who a record is attributed to once the person behind it asked to be forgotten.</summary>
public static class FormerMember
{
    public const string Id = "former-member";

    /// <summary>Stored in place of the name; shown in the reader's language by <see cref="Shown"/>.</summary>
    public const string Name = "a former member";

    /// <summary>The owner of a project made in a forgotten person's chats, and of its retros: no one, kept apart per project.</summary>
    public static Projects.ProjectOwnership Ownership(Projects.ProjectOwnership ownership, string projectId) => ownership with { OwnerId = $"{Id}/{projectId}" };

    /// <summary>A stored name as people read it: a forgotten person's in their language, anyone else's as stored.</summary>
    public static string Shown(this StringCatalog strings, Language language, string name) =>
        name == Name ? strings.Get(language, "privacy.formerMember") : name;
}
