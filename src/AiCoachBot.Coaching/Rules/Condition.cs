using AiCoachBot.Coaching.Flows;

namespace AiCoachBot.Coaching.Rules;

/// <summary>
/// A test over a set of answers, written in content (never code): combinators and leaf tests on one
/// question. Used by flows to skip irrelevant questions and by rules to decide when they fire.
/// </summary>
public abstract record Condition
{
    public abstract bool IsMetBy(IReadOnlyDictionary<string, Answer> answers);

    /// <summary>The questions this condition reads, to explain a result and to check content.</summary>
    public abstract IEnumerable<string> Questions { get; }

    public sealed record All(IReadOnlyList<Condition> Parts) : Condition
    {
        public override bool IsMetBy(IReadOnlyDictionary<string, Answer> answers) => Parts.All(p => p.IsMetBy(answers));
        public override IEnumerable<string> Questions => Parts.SelectMany(p => p.Questions).Distinct();
    }

    public sealed record Any(IReadOnlyList<Condition> Parts) : Condition
    {
        public override bool IsMetBy(IReadOnlyDictionary<string, Answer> answers) => Parts.Any(p => p.IsMetBy(answers));
        public override IEnumerable<string> Questions => Parts.SelectMany(p => p.Questions).Distinct();
    }

    public sealed record Not(Condition Part) : Condition
    {
        public override bool IsMetBy(IReadOnlyDictionary<string, Answer> answers) => !Part.IsMetBy(answers);
        public override IEnumerable<string> Questions => Part.Questions;
    }

    /// <summary>One test on one question's answer. An unanswered question meets only <c>answered: false</c>.</summary>
    public sealed record Test(string Question, TestKind Kind, AnswerValue? Value = null, AnswerValue? Upper = null, IReadOnlyList<AnswerValue>? Values = null) : Condition
    {
        public override IEnumerable<string> Questions => [Question];

        public override bool IsMetBy(IReadOnlyDictionary<string, Answer> answers)
        {
            var answered = answers.TryGetValue(Question, out var answer);
            if (Kind == TestKind.Answered) return answered == Value!.Flag;
            if (!answered) return false;
            return Kind switch
            {
                TestKind.Equals => Value!.Matches(answer!),
                TestKind.In => Values!.Any(v => v.Matches(answer!)),
                TestKind.Includes => answer!.Choices?.Contains(Value!.Text) == true,
                TestKind.Greater => Comparable(answer!) > Value!.Number,
                TestKind.Less => Comparable(answer!) < Value!.Number,
                TestKind.Between => Comparable(answer!) is { } n && n >= Value!.Number && n <= Upper!.Number,
                TestKind.CountAtLeast => (answer!.Choices?.Count ?? 0) >= Value!.Number,
                TestKind.CountAtMost => (answer!.Choices?.Count ?? 0) <= Value!.Number,
                _ => false,
            };
        }

        /// <summary>Numbers compare as numbers; dates as their day number, so "between" works on both.</summary>
        private static decimal? Comparable(Answer answer) => answer.Number ?? (answer.Date is { } d ? d.DayNumber : null);
    }
}

public enum TestKind { Equals, In, Includes, Greater, Less, Between, Answered, CountAtLeast, CountAtMost }

/// <summary>A literal written in a condition, already checked against the question's kind.</summary>
public sealed record AnswerValue(bool? Flag = null, string? Text = null, decimal? Number = null)
{
    public bool Matches(Answer answer) =>
        (Flag is { } f && answer.Flag == f) ||
        (Text is { } t && (answer.Choice == t || answer.Text == t)) ||
        (Number is { } n && (answer.Number == n || answer.Date?.DayNumber == n));
}
