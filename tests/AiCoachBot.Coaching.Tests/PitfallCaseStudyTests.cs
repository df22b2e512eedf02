using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Diagnostics;
using AiCoachBot.Coaching.Flows;
using AiCoachBot.Coaching.Localization;
using AiCoachBot.Coaching.Tests.Support;

namespace AiCoachBot.Coaching.Tests;

/// <summary>
/// The specification of the diagnostic: realistic projects (cases/pitfall-case-studies.yaml) and the pitfalls
/// an expert flags as high risk. The engine must flag every one of them, and at most one more per case;
/// and the adaptive diagnostic, answered as that project's people would, must find them within its questions.
/// </summary>
public sealed class PitfallCaseStudyTests
{
    private static readonly PitfallCatalog Catalog = CoachingContent.Load(Paths.Content, []).Diagnostic;
    private static readonly IReadOnlyList<PitfallCase> Cases = PitfallCase.Load();

    public static TheoryData<string> CaseNames() => [.. Cases.Select(c => c.Name)];

    [Fact]
    public void ThereAreAtLeastTwentyCaseStudies_CoveringEveryPhaseAndEveryPitfall()
    {
        Assert.True(Cases.Count >= 20, $"{Cases.Count} case studies");
        Assert.Equal(["deployment", "framing", "measurement", "poc"], Cases.Select(c => c.Phase).Distinct().Order());
        Assert.Empty(Catalog.Pitfalls.Select(p => p.Id).Except(Cases.SelectMany(c => c.High)));
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void FromTheAnswers_EveryExpectedHighRisk_IsFlagged_WithAtMostOneSurprise(string name)
    {
        var study = Cases.Single(c => c.Name == name);
        var flagged = DiagnosisEngine.Evaluate(Catalog, study.Answers(Catalog), study.Phase).AtLeast(RiskLevel.High).Select(r => r.Pitfall.Id).ToList();

        Assert.Empty(study.High.Except(flagged));
        Assert.True(flagged.Except(study.High).Count() <= 1, $"unexpected high risks: {string.Join(", ", flagged.Except(study.High))}");
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void TheAdaptiveDiagnostic_AnsweredAsInTheCase_FindsTheExpectedHighRisks(string name)
    {
        var study = Cases.Single(c => c.Name == name);
        var engine = new FlowEngine([Catalog.Questions], new Dictionary<string, IStepSelector> { [Catalog.Questions.Id] = new DiagnosticPlanner(Catalog) });
        var session = engine.Start(Catalog.Questions, DateTimeOffset.UnixEpoch, new FlowGuide(study.Phase, Focus(study), []));
        var asked = 0;
        while (!engine.IsFinished(session))
        {
            var step = engine.CurrentStep(session);
            Assert.True(step.FitsPhase(study.Phase), $"'{step.Id}' does not fit the phase {study.Phase}");
            var progress = engine.Answer(session, study.AnswerTo(step), Language.En, System.Globalization.CultureInfo.InvariantCulture);
            session = progress switch
            {
                FlowProgress.Asking a => a.Session,
                FlowProgress.Completed c => c.Session,
                _ => throw new Xunit.Sdk.XunitException($"'{study.AnswerTo(step)}' was refused for '{step.Id}'"),
            };
            asked++;
        }

        Assert.InRange(asked, 1, Catalog.MaxQuestions);
        var flagged = DiagnosisEngine.Evaluate(Catalog, session.Answers, study.Phase).AtLeast(RiskLevel.High).Select(r => r.Pitfall.Id);
        Assert.Empty(study.High.Except(flagged));
    }

    private static IReadOnlyList<string> Focus(PitfallCase study) =>
        new SymptomMatcher(Catalog.Pitfalls).Match(study.Description).Select(m => m.Pitfall.Id).ToList();
}
