using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Tests.Support;

namespace AiCoachBot.Coaching.Tests;

/// <summary>A broken content file stops start-up with the file, the line and what is wrong.</summary>
public sealed class ContentValidationTests
{
    private static ContentValidationException LoadFails(ContentCopy copy, params string[] extraFlowDirectories) =>
        Assert.Throws<ContentValidationException>(() => CoachingContent.Load(copy.Root, extraFlowDirectories));

    [Fact]
    public void InvalidYaml_IsReportedWithItsLine()
    {
        using var copy = new ContentCopy();
        copy.Write("flows/broken.yaml", "id: broken\ntitle: { en: \"x\", fr: \"y\"\nsteps: []\n");
        var error = Assert.Single(LoadFails(copy).Errors);
        Assert.Matches(@"^flows/broken\.yaml:[23]: ", error);
        Assert.Contains("not valid YAML", error);
    }

    [Fact]
    public void MissingFrenchText_NamesTheFileLineAndKey()
    {
        using var copy = new ContentCopy();
        copy.Write("flows/one.yaml", """
            id: one
            title: { en: "One", fr: "Un" }
            completion: { en: "Done", fr: "Fini" }
            steps:
              - id: q1
                type: yesno
                prompt: { en: "Sure?" }
            """);
        var error = Assert.Single(LoadFails(copy).Errors);
        Assert.Equal("flows/one.yaml:7: 'fr' is required", error);
    }

    [Theory]
    [InlineData("type: maybe", "step type 'maybe' is not known")]
    [InlineData("promt: { en: \"a\", fr: \"b\" }", "unknown key 'promt'")]
    [InlineData("type: number\n    min: 10\n    max: 1", "min (10) is greater than max (1)")]
    [InlineData("type: choice", "'options' is required")]
    public void StepMistakes_AreExplained(string stepLines, string expected)
    {
        using var copy = new ContentCopy();
        var step = stepLines.StartsWith("type:") ? stepLines : "type: yesno\n    " + stepLines;
        copy.Write("flows/bad.yaml", $$"""
            id: bad
            title: { en: "Bad", fr: "Mauvais" }
            completion: { en: "Done", fr: "Fini" }
            steps:
              - id: q1
                prompt: { en: "Q?", fr: "Q ?" }
                {{step}}
            """);
        var errors = LoadFails(copy).Errors;
        Assert.Contains(errors, e => e.StartsWith("flows/bad.yaml:", StringComparison.Ordinal) && e.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void StringMissingInOneLanguage_IsReported()
    {
        using var copy = new ContentCopy();
        copy.Replace("strings/fr.yaml", "help.title: \"Ce que je sais faire\"\n", "");
        Assert.Contains(LoadFails(copy).Errors, e => e.Contains("'help.title' is missing", StringComparison.Ordinal) && e.StartsWith("strings/fr.yaml", StringComparison.Ordinal));
    }

    [Fact]
    public void PlaceholderMismatchBetweenLanguages_IsReported()
    {
        using var copy = new ContentCopy();
        copy.Replace("strings/fr.yaml", "Merci de choisir entre {min} et {max} options.", "Merci de choisir entre {min} et {maximum} options.");
        Assert.Contains(LoadFails(copy).Errors, e => e.Contains("'flow.invalid.multiselectCount' uses placeholders", StringComparison.Ordinal));
    }

    [Fact]
    public void CardReferringToAnUnknownText_IsReportedWithItsLine()
    {
        using var copy = new ContentCopy();
        copy.Replace("cards/help.yaml", "{{help.intro}}", "{{help.introduction}}");
        var error = Assert.Single(LoadFails(copy).Errors);
        Assert.Matches(@"^cards/help\.yaml:\d+: '\{\{help\.introduction\}\}' is not a key", error);
    }

    [Fact]
    public void CardVersionTeamsCannotShow_IsRefused()
    {
        using var copy = new ContentCopy();
        copy.Replace("cards/privacy.yaml", "version: \"1.5\"", "version: \"1.6\"");
        Assert.Contains(LoadFails(copy).Errors, e => e.Contains("version 1.6 is not shown by Teams", StringComparison.Ordinal));
    }

    [Fact]
    public void PhraseUsedByTwoThings_IsRefused()
    {
        using var copy = new ContentCopy();
        copy.Write("flows/clash.yaml", """
            id: clash
            title: { en: "Clash", fr: "Conflit" }
            triggers: { en: ["Help"], fr: ["conflit"] }
            completion: { en: "Done", fr: "Fini" }
            steps:
              - id: q1
                type: yesno
                prompt: { en: "Q?", fr: "Q ?" }
            """);
        Assert.Contains(LoadFails(copy).Errors, e => e.Contains("the phrase 'help' is used by both command 'help' and flow 'clash'", StringComparison.Ordinal));
    }

    [Fact]
    public void MissingRequiredCommand_IsReported()
    {
        using var copy = new ContentCopy();
        copy.Replace("commands.yaml", "- id: restart", "- id: redo");
        Assert.Contains(LoadFails(copy).Errors, e => e.Contains("command 'restart' is missing", StringComparison.Ordinal));
    }

    [Fact]
    public void EveryProblemIsListed_NotOnlyTheFirst()
    {
        using var copy = new ContentCopy();
        copy.Replace("cards/help.yaml", "{{help.intro}}", "{{nope.one}}");
        copy.Replace("cards/privacy.yaml", "{{privacy.erase}}\"", "{{nope.two}}\"");
        Assert.Equal(2, LoadFails(copy).Errors.Count);
    }
}
