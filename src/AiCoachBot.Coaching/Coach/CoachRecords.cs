namespace AiCoachBot.Coaching.Coach;

/// <summary>An answer of the language model kept for identical questions (same words, language and knowledge base).</summary>
public sealed record CachedAnswer(string Text, IReadOnlyList<string> PassageIds, DateTimeOffset At);

/// <summary>Language-model tokens one user spent on one day.</summary>
public sealed record TokenUsage(int Tokens, int Calls);

/// <summary>The articles the user's last answer cited in this conversation, for <c>sources</c>.</summary>
public sealed record LastAnswer(string AnswerId, string Language, IReadOnlyList<string> PassageIds, DateTimeOffset At);

/// <summary>
/// A posted answer, kept for review with the feedback it gets. The question is stored masked, as the
/// model saw it, never as typed.
/// </summary>
public sealed record AnswerRecord(
    string AnswerId, string UserId, string Language, AnswerSource Source, string MaskedQuestion,
    IReadOnlyList<string> PassageIds, DateTimeOffset At, IReadOnlyList<AnswerFeedback> Feedback);

public sealed record AnswerFeedback(string UserId, string Reaction, string? Comment, DateTimeOffset At);
