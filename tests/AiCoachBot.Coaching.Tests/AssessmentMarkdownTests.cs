using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Flows;
using AiCoachBot.Coaching.Framing;
using AiCoachBot.Coaching.Localization;
using AiCoachBot.Coaching.Tests.Support;

namespace AiCoachBot.Coaching.Tests;

public sealed class AssessmentMarkdownTests
{
    private static readonly FramingContent Framing = RulesEngineTests.LoadTestFraming();
    private static readonly AssessmentMarkdown Export = new(CoachingContent.Load(Paths.Content, []).Strings, Framing);
    private static readonly DateTimeOffset At = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    private static readonly Dictionary<string, Answer> Answers = new()
    {
        ["owner"] = new() { Flag = false },
        ["quality"] = new() { Number = 2 },
        ["uses"] = new() { Choices = ["recruitment"] },
    };

    private static string Render(Language language, string project = "Churn") =>
        Export.Render(project, At, Answers, RulesEngine.Evaluate(Framing.Rules, Answers), language);

    [Fact]
    public void Export_HoldsQuestionsAnswersScoresFiredRulesActionsAndTier()
    {
        var md = Render(Language.En);
        Assert.StartsWith("# Framing assessment: Churn", md);
        Assert.Contains("Assessed on 22 November 2026. Readiness", md);
        Assert.Contains("- Data: 0/100", md);
        Assert.Contains("- **Business problem** (critical): Name a business owner this week.", md);
        Assert.Contains("**High risk**: Risk management, data governance, human oversight.", md);
        Assert.Contains("- `DAT-03` Poor data sinks projects. (METHODOLOGY: pitfall 2). because: Data quality? → 2/5", md);
        Assert.Contains("- **Is there a business owner?** No", md);
        Assert.Contains("- **Data access?** (skipped)", md);
    }

    [Fact]
    public void Export_IsInTheUsersLanguage()
    {
        var md = Render(Language.Fr);
        Assert.StartsWith("# Évaluation de cadrage : Churn", md);
        Assert.Contains("Évalué le 22 novembre 2026.", md);
        Assert.Contains("parce que", md);
        Assert.Contains("- **Y a-t-il un responsable métier ?** Non", md);
    }

    [Fact]
    public void UserText_IsShownLiterally_NeverAsMarkdown()
    {
        var md = Render(Language.En, "[click](https://evil.example) <script> www.evil.example ~~x~~");
        Assert.Contains(@"\[click\]\(https\://evil.example\) \<script\> www\.evil.example \~\~x\~\~", md);
        Assert.DoesNotContain("[click](", md);
        Assert.DoesNotContain("https://evil", md);
    }
}
