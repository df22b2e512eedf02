using System.Text.Json;
using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Flows;
using AiCoachBot.Coaching.Framing;
using AiCoachBot.Coaching.Tests.Support;

namespace AiCoachBot.Coaching.Tests;

/// <summary>
/// Realistic projects (cases/framing-case-studies.json: answers, and the verdict, AI Act tier and gaps an
/// expert expects) scored with the shipped checklist and rules.
/// </summary>
public sealed class FramingCaseStudyTests
{
    private static readonly FramingContent Framing = CoachingContent.Load(Paths.Content, []).Framing!;
    private static readonly JsonElement[] Cases =
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "cases", "framing-case-studies.json"))).RootElement.EnumerateArray().ToArray();

    public static TheoryData<string> CaseNames() => [.. Cases.Select(c => c.GetProperty("name").GetString()!)];

    [Fact]
    public void ThereAreAtLeastFifteenCaseStudies() => Assert.True(Cases.Length >= 15);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void CaseStudy_GetsTheExpectedVerdictTierAndGaps(string name)
    {
        var study = Cases.Single(c => c.GetProperty("name").GetString() == name);
        var result = RulesEngine.Evaluate(Framing.Rules, AnswersOf(study.GetProperty("answers")));

        Assert.Equal(study.GetProperty("verdict").GetString(), result.Verdict.ToString());
        Assert.Equal(study.GetProperty("tier").GetString(), result.Tier?.Id);
        Assert.Equal(study.GetProperty("gaps").EnumerateArray().Select(g => g.GetString()!).Order(), result.Gaps.Select(g => g.Cause.Rule.Id).Order());
    }

    /// <summary>Answers as a person gives them, read through the same parser as a typed answer.</summary>
    private static Dictionary<string, Answer> AnswersOf(JsonElement answers)
    {
        var result = new Dictionary<string, Answer>();
        foreach (var property in answers.EnumerateObject())
        {
            var step = Framing.Checklist.Steps.Single(s => s.Id == property.Name);
            var raw = property.Value.ValueKind switch
            {
                JsonValueKind.Array => string.Join(",", property.Value.EnumerateArray().Select(v => v.GetString())),
                JsonValueKind.Number => property.Value.GetRawText(),
                _ => property.Value.GetString(),
            };
            var parsed = AnswerParser.Parse(step, raw, Localization.Language.En, System.Globalization.CultureInfo.InvariantCulture);
            result[step.Id] = parsed.Answer ?? throw new InvalidOperationException($"{step.Id}: '{raw}' is not a valid answer ({parsed.ErrorKey})");
        }
        return result;
    }
}
