using AiCoachBot.Coaching.Localization;

namespace AiCoachBot.Coaching.Coach;

/// <summary>
/// Who asks, in which language, about which project. <see cref="KnownNames"/> are the people of the
/// conversation the bot knows by name: they are masked before anything reaches the model.
/// </summary>
public sealed record CoachQuestion(string Text, Language Language, string TenantId, string UserId, IReadOnlyList<string> KnownNames, string? ProjectContext);
