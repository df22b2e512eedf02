using System.Collections.Immutable;
using AiCoachBot.Coaching.Flows;

namespace AiCoachBot.Coaching.Diagnostics;

/// <summary>
/// Chooses the diagnostic's next question. Only pitfalls that bite in the project's phase are examined;
/// those the user's description points to come first and in depth, then the others breadth first (the
/// first question of each, most severe pitfall first, then the second ones...). A question is asked once,
/// only when its 'when' holds, never when its answer is known, and never more than the catalogue's maximum.
/// </summary>
public sealed class DiagnosticPlanner(PitfallCatalog catalog) : IStepSelector
{
    private readonly Dictionary<string, StepDefinition> _steps = catalog.Questions.Steps.ToDictionary(s => s.Id);

    public FlowSession First(FlowDefinition flow, FlowSession fresh) => MoveOn(flow, fresh);

    public FlowSession Next(FlowDefinition flow, FlowSession answered) => MoveOn(flow, WithoutStaleAnswers(flow, answered));

    public (int Index, int Count) Progress(FlowDefinition flow, FlowSession session)
    {
        var asked = session.History.Count;
        var remaining = Askable(flow, session).Count();
        return (asked + 1, Math.Clamp(asked + remaining, asked + 1, Math.Max(asked + 1, catalog.MaxQuestions)));
    }

    /// <summary>The questions in the order they would be asked, for this phase and focus.</summary>
    public IReadOnlyList<string> Order(FlowGuide? guide)
    {
        var relevant = catalog.Pitfalls.Where(p => p.BitesIn(guide?.Phase)).ToList();
        var focused = (guide?.Focus ?? []).Select(catalog.Find).OfType<Pitfall>().Where(relevant.Contains).Distinct().ToList();
        var rest = relevant.Except(focused).OrderByDescending(p => p.Severity).ToList(); // stable: catalogue order among equals
        var fitting = relevant.ToDictionary(p => p, p => p.Questions.Where(q => Fits(q, guide?.Phase)).ToList());
        var order = focused.SelectMany(p => fitting[p]).ToList();
        for (var round = 0; rest.Any(p => round < fitting[p].Count); round++)
            order.AddRange(rest.Where(p => round < fitting[p].Count).Select(p => fitting[p][round]));
        return order.Distinct().ToList();
    }

    /// <summary>Rounds count only the questions that fit the phase, so a pitfall whose first question does not still gets one in the first round.</summary>
    private bool Fits(string questionId, string? phase) =>
        _steps.TryGetValue(questionId, out var step) && step.FitsPhase(phase);

    private FlowSession MoveOn(FlowDefinition flow, FlowSession session)
    {
        if (session.History.Count >= catalog.MaxQuestions) return session with { StepIndex = flow.Steps.Count };
        var next = Askable(flow, session).FirstOrDefault(-1);
        return session with { StepIndex = next < 0 ? flow.Steps.Count : next };
    }

    private IEnumerable<int> Askable(FlowDefinition flow, FlowSession session) =>
        Order(session.Guide)
            .Select(flow.IndexOf)
            .Where(i => i >= 0)
            .Where(i => !session.Answers.ContainsKey(flow.Steps[i].Id)
                && flow.Steps[i].FitsPhase(session.Guide?.Phase)
                && (flow.Steps[i].When?.IsMetBy(session.Answers) ?? true));

    /// <summary>After a change of mind, answers to follow-up questions whose 'when' no longer holds are forgotten.</summary>
    private static FlowSession WithoutStaleAnswers(FlowDefinition flow, FlowSession session)
    {
        var known = session.Guide?.Known ?? [];
        var answers = session.Answers.ToImmutableDictionary();
        bool changed;
        do
        {
            changed = false;
            foreach (var step in flow.Steps)
            {
                if (step.When is { } when && answers.ContainsKey(step.Id) && !known.Contains(step.Id) && !when.IsMetBy(answers))
                {
                    answers = answers.Remove(step.Id);
                    changed = true;
                }
            }
        }
        while (changed);
        return session with { Answers = answers };
    }
}
