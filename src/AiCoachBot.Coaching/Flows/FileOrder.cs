using System.Collections.Immutable;

namespace AiCoachBot.Coaching.Flows;

/// <summary>Steps in the order of the file, skipping those that earlier answers make irrelevant.</summary>
public sealed class FileOrder : IStepSelector
{
    public static FileOrder Instance { get; } = new();

    public FlowSession First(FlowDefinition flow, FlowSession fresh) => fresh with { StepIndex = 0 };

    public FlowSession Next(FlowDefinition flow, FlowSession answered)
    {
        var answers = answered.Answers.ToImmutableDictionary();
        var next = answered.StepIndex + 1;
        // Forget any answer a skipped step had before a change of mind.
        while (next < flow.Steps.Count && flow.Steps[next].When is { } when && !when.IsMetBy(answers))
            answers = answers.Remove(flow.Steps[next++].Id);
        return answered with { Answers = answers, StepIndex = Math.Min(next, flow.Steps.Count) };
    }

    public (int Index, int Count) Progress(FlowDefinition flow, FlowSession session) => (session.StepIndex + 1, flow.Steps.Count);
}
