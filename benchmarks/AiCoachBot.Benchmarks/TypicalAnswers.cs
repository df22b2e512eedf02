using AiCoachBot.Coaching.Flows;

namespace AiCoachBot.Benchmarks;

/// <summary>An answer to every question of a checklist, middle of the road, so that most rules are examined.</summary>
internal static class TypicalAnswers
{
    public static Dictionary<string, Answer> For(FlowDefinition checklist) => checklist.Steps.ToDictionary(s => s.Id, s => s.Kind switch
    {
        StepKind.YesNo => new Answer { Flag = true },
        StepKind.Choice => new Answer { Choice = s.Options[0].Id },
        StepKind.MultiSelect => new Answer { Choices = s.Options.Take(2).Select(o => o.Id).ToList() },
        StepKind.Scale => new Answer { Number = 3 },
        StepKind.Number => new Answer { Number = s.Min ?? 0 },
        StepKind.Date => new Answer { Date = new DateOnly(2027, 3, 31) },
        _ => new Answer { Text = "A typical answer." },
    });
}
