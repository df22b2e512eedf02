namespace AiCoachBot.Coaching.Flows;

/// <summary>
/// Chooses the question to ask next. Flows and the framing checklist go in file order (<see cref="FileOrder"/>);
/// the diagnostic adapts to the project and to earlier answers.
/// </summary>
public interface IStepSelector
{
    /// <summary>The fresh session moved to its first question; past the last step when nothing needs asking.</summary>
    FlowSession First(FlowDefinition flow, FlowSession fresh);

    /// <summary>
    /// The session just answered (the answer is in, <see cref="FlowSession.History"/> ends with the answered step)
    /// moved to the next question, past the last step when done, without answers that no longer apply.
    /// </summary>
    FlowSession Next(FlowDefinition flow, FlowSession answered);

    /// <summary>"Question <c>Index</c> of <c>Count</c>" for the current question.</summary>
    (int Index, int Count) Progress(FlowDefinition flow, FlowSession session);
}
