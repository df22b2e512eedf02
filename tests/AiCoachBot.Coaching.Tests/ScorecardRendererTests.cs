using System.Text.Json.Nodes;
using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Flows;
using AiCoachBot.Coaching.Framing;
using AiCoachBot.Coaching.Localization;
using AiCoachBot.Coaching.Projects;
using AiCoachBot.Coaching.Tests.Support;

namespace AiCoachBot.Coaching.Tests;

public sealed class ScorecardRendererTests
{
    private static readonly FramingContent Framing = RulesEngineTests.LoadTestFraming();
    private static readonly ScorecardRenderer Renderer = new(CoachingContent.Load(Paths.Content, []).Strings, Framing.Rules);

    private static Assessment Assess(bool owner, int quality, string access, params string[] uses)
    {
        var answers = new Dictionary<string, Answer>
        {
            ["owner"] = new() { Flag = owner },
            ["quality"] = new() { Number = quality },
            ["access"] = new() { Choice = access },
        };
        if (uses.Length > 0) answers["uses"] = new Answer { Choices = uses };
        return RulesEngine.Evaluate(Framing.Rules, answers);
    }

    [Fact]
    public void Scorecard_ShowsScoreVerdictBarsActionsAndTier()
    {
        // Strong data and risks average 60 ("fix the gaps"), but no business owner holds the verdict down.
        var card = Renderer.Render("Churn", Assess(false, 5, "granted", "recruitment"), previous: null, Language.En);
        var text = CardText.Of(card);

        Assert.Equal("1.5", card["version"]!.GetValue<string>());
        Assert.Contains("Readiness of Churn", text);
        Assert.Contains("**60/100** · Rethink the use case", text);
        Assert.Contains("Held down by: Business problem", text);
        Assert.Contains("1. **Business problem**: Name a business owner this week.", text);
        Assert.DoesNotContain("2. ", text);
        Assert.Contains("EU AI Act: High risk", text);
        Assert.Equal(3, card.ToJsonString().Split("\"ColumnSet\"").Length - 1);
    }

    [Fact]
    public void WithItsProject_EachNextActionHasAnExplainButton_NamingTheRuleBehindTheGap()
    {
        var assessment = Assess(false, 5, "granted", "recruitment");

        var card = Renderer.Render("Churn", assessment, previous: null, Language.En, projectId: "p-1");

        var buttons = card["body"]!.AsArray().OfType<System.Text.Json.Nodes.JsonObject>().Where(e => (string?)e["type"] == "ActionSet")
            .SelectMany(s => s["actions"]!.AsArray()).Select(a => a!["data"]!).ToList();
        Assert.Equal(assessment.NextActions().Select(g => g.Cause.Rule.Id), buttons.Select(d => (string?)d["finding"]));
        Assert.All(buttons, d => Assert.Equal(("explain", "p-1", "gap"), ((string?)d["command"], (string?)d["project"], (string?)d["kind"])));
    }

    [Fact]
    public void Bars_AreAsWideAsTheScore_AndColouredByIt()
    {
        var card = Renderer.Render("Churn", Assess(true, 3, "requested"), null, Language.En);
        var dataBar = card["body"]!.AsArray().OfType<JsonObject>()
            .Where(e => e["type"]!.GetValue<string>() == "Container")
            .Select(c => c["items"]![1]!)
            .ElementAt(1);
        Assert.Equal("30", dataBar["columns"]![0]!["width"]!.GetValue<string>());
        Assert.Equal("attention", dataBar["columns"]![0]!["style"]!.GetValue<string>());
        Assert.Equal("70", dataBar["columns"]![1]!["width"]!.GetValue<string>());
    }

    [Fact]
    public void RerunningTheChecklist_ShowsTheChangeSinceTheLastRun()
    {
        var before = new AssessmentRecord(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero), 40, "Rethink",
            new Dictionary<string, int> { ["business"] = 100, ["data"] = 30, ["risks"] = 0 }, [], "minimal", []);
        var text = CardText.Of(Renderer.Render("Churn", Assess(true, 5, "granted", "none"), before, Language.En));
        Assert.Contains("Data · 100 · +70 since 2 Nov", text);
        Assert.Contains("Risks · 100 · +100 since 2 Nov", text);
        Assert.DoesNotContain("Business problem · 100 ·", text);
    }

    [Fact]
    public void Scorecard_SpeaksFrench_ToAFrenchUser()
    {
        var text = CardText.Of(Renderer.Render("Churn", Assess(true, 5, "granted", "chatbot"), null, Language.Fr));
        Assert.Contains("Maturité de Churn", text);
        Assert.Contains("Prêt pour un POC", text);
        Assert.Contains("AI Act européen : Transparence", text);
        Assert.Contains("Aucun manque relevé", text);
    }

    [Fact]
    public void ProjectName_IsShownAsTyped_NeverAsMarkdown()
    {
        var card = Renderer.Render("[click](https://evil.example)", Assess(true, 5, "granted"), null, Language.En);
        var title = card["body"]![0]!;
        Assert.Equal("RichTextBlock", title["type"]!.GetValue<string>());
        Assert.Equal("TextRun", title["inlines"]![0]!["type"]!.GetValue<string>());
    }
}
