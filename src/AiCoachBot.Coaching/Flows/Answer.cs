namespace AiCoachBot.Coaching.Flows;

/// <summary>A validated answer to one step; exactly the field of the step's kind is set.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(AnswerJsonConverter))]
public sealed record Answer
{
    public bool? Flag { get; init; }
    public string? Choice { get; init; }
    public IReadOnlyList<string>? Choices { get; init; }
    public decimal? Number { get; init; }
    public DateOnly? Date { get; init; }
    public string? Text { get; init; }
}

/// <summary>Either an answer or the text key (and its arguments) that explains what is expected.</summary>
public sealed record ParsedAnswer(Answer? Answer, string? ErrorKey, IReadOnlyDictionary<string, string>? ErrorArgs = null)
{
    public static ParsedAnswer Ok(Answer answer) => new(answer, null);
    public static ParsedAnswer Invalid(string key, IReadOnlyDictionary<string, string>? args = null) => new(null, key, args);
}
