using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Flows;
using AiCoachBot.Coaching.Framing;
using BenchmarkDotNet.Attributes;

namespace AiCoachBot.Benchmarks;

/// <summary>
/// Scoring one complete framing checklist with the shipped rule set (target: under 100 µs median).
/// The baseline reads the answers once without any rule, to show what the rules themselves cost.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class ScoringBenchmark
{
    private RuleSet _rules = null!;
    private Dictionary<string, Answer> _answers = null!;

    [GlobalSetup]
    public void Setup()
    {
        var errors = new ContentErrors();
        var framing = FramingContent.Load(ContentRoot(), errors) ?? throw new InvalidOperationException("No framing content found.");
        errors.ThrowIfAny();
        _rules = framing.Rules;
        _answers = TypicalAnswers.For(framing.Checklist);
    }

    [Benchmark(Baseline = true)]
    public int ReadAnswersOnly() => _answers.Count(a => a.Value.Flag == true || a.Value.Number > 2);

    [Benchmark]
    public Assessment ScoreCompleteChecklist() => RulesEngine.Evaluate(_rules, _answers);

    private static string ContentRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AiCoachBot.sln"))) dir = dir.Parent;
        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("Run from inside the repository."), "src", "content");
    }
}
