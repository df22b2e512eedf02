using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Framing;

namespace AiCoachBot.Coaching.Tests;

/// <summary>A rule set that cannot be trusted stops start-up, naming file, line and reason.</summary>
public sealed class RuleSetValidationTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("aicoach-rules-").FullName;

    public RuleSetValidationTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, FramingContent.Folder));
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, FramingContent.Folder)))
            File.Copy(file, Path.Combine(_root, FramingContent.Folder, Path.GetFileName(file)));
    }

    private IReadOnlyList<string> ErrorsAfter(string file, string oldText, string newText)
    {
        var path = Path.Combine(_root, FramingContent.Folder, file);
        var text = File.ReadAllText(path);
        Assert.Contains(oldText, text);
        File.WriteAllText(path, text.Replace(oldText, newText));
        var errors = new ContentErrors();
        FramingContent.Load(_root, errors);
        return Assert.Throws<ContentValidationException>(errors.ThrowIfAny).Errors;
    }

    [Theory]
    [InlineData("{ question: owner, equals: yes }", "{ question: ownr, equals: yes }", "question 'ownr' is not known here (not a question of the checklist)")]
    [InlineData("{ question: quality, greater: 3 }", "{ question: quality, greater: high }", "'high' is not a number")]
    [InlineData("{ question: access, equals: granted }", "{ question: access, equals: given }", "'given' is not an option of question 'access'")]
    [InlineData("remedy: data.access", "remedy: data.acces", "remedy 'data.acces' has no text in remedies.yaml")]
    [InlineData("- id: DAT-02", "- id: DAT-01", "rule id 'DAT-01' is already used at framing/rules.yaml:")]
    [InlineData("points: { dimension: data, value: 3 }", "points: { dimension: datum, value: 3 }", "dimension 'datum' is not one of: business, data, risks")]
    [InlineData("    tier: limited", "    tier: medium", "tier 'medium' is not one of: prohibited, high, limited, minimal")]
    [InlineData("    cap: rethink", "    cap: never", "cap 'never' is not known")]
    [InlineData("severity: major", "severity: huge", "severity 'huge' is not known")]
    public void RuleMistakes_AreReportedWithFileAndLine(string oldText, string newText, string expected)
    {
        var errors = ErrorsAfter("rules.yaml", oldText, newText);
        Assert.Contains(errors, e => e.StartsWith("framing/rules.yaml:", StringComparison.Ordinal) && e.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void RemedyWithoutItsFrenchText_IsRefused() =>
        Assert.Contains(ErrorsAfter("remedies.yaml", ", fr: \"Faites un audit des données avant le POC.\"", ""), e => e.Contains("'fr' is required", StringComparison.Ordinal));

    [Fact]
    public void RuleWithoutAnyEffect_IsRefused() =>
        Assert.Contains(ErrorsAfter("rules.yaml", "    points: { dimension: risks, value: 4 }\n", ""), e => e.Contains("a rule needs at least one effect", StringComparison.Ordinal));

    [Theory]
    [InlineData("checklist.yaml")]
    [InlineData("rules.yaml")]
    public void FramingFilesWithoutALastReviewedDate_AreRefused(string file) =>
        Assert.Contains(ErrorsAfter(file, "lastReviewed: 2026-11-22\n", ""), e => e.Contains("'lastReviewed: YYYY-MM-DD' is required", StringComparison.Ordinal));

    [Fact]
    public void QuestionWithoutADimension_IsRefused() =>
        Assert.Contains(ErrorsAfter("checklist.yaml", "    dimension: business\n", ""), e => e.Contains("step 'owner' needs a 'dimension'", StringComparison.Ordinal));

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }
}
