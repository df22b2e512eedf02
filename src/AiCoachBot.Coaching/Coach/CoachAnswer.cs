using AiCoachBot.Coaching.Knowledge;

namespace AiCoachBot.Coaching.Coach;

/// <summary>Where an answer came from: the language model, the cache of its earlier answers, or the offline path.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<AnswerSource>))]
public enum AnswerSource { Model, Cache, Offline }

/// <summary>A passage an answer cites as <c>[Position]</c>.</summary>
public sealed record Citation(int Position, Passage Passage);

/// <summary>
/// The coach's answer in Markdown, with its citations. <see cref="Notices"/> are said before it
/// (the question was cut, the daily budget is spent, the model could not be reached). <see cref="Asked"/> is the
/// question as it was masked and searched, kept for review instead of the words typed.
/// </summary>
public sealed record CoachAnswer(string Text, IReadOnlyList<Citation> Citations, AnswerSource Source, IReadOnlyList<string> Notices, string Asked = "")
{
    public bool IsGenerated => Source is AnswerSource.Model or AnswerSource.Cache;
}
