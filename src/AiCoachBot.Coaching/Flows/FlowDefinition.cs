using AiCoachBot.Coaching.Localization;

namespace AiCoachBot.Coaching.Flows;

/// <summary>A conversation the bot leads, step by step, as written in a flow content file.</summary>
public sealed record FlowDefinition(
    string Id,
    LocalizedText Title,
    LocalizedList Triggers,
    IReadOnlyList<StepDefinition> Steps,
    LocalizedText Completion,
    string SourceFile,
    DateOnly? LastReviewed = null)
{
    public int IndexOf(string stepId)
    {
        for (var i = 0; i < Steps.Count; i++) if (Steps[i].Id == stepId) return i;
        return -1;
    }
}

public sealed record StepDefinition(
    string Id,
    StepKind Kind,
    LocalizedText Prompt,
    LocalizedText? Help,
    IReadOnlyList<ChoiceOption> Options,
    decimal? Min,
    decimal? Max,
    int MaxLength,
    LocalizedText? MinLabel,
    LocalizedText? MaxLabel,
    Rules.Condition? When = null,
    string? Dimension = null,
    IReadOnlyList<string>? Phases = null)
{
    /// <summary>Whether the step makes sense for a project in <paramref name="phase"/>; a step without phases fits all.</summary>
    public bool FitsPhase(string? phase) => Phases is null || phase is null || Phases.Contains(phase);

    public const int DefaultTextLength = 1000;
    public const int ScaleMin = 1;
    public const int ScaleMax = 5;
}

public sealed record ChoiceOption(string Id, LocalizedText Label);
