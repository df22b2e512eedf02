using System.Globalization;
using System.Text.Json.Nodes;
using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Flows;
using AiCoachBot.Coaching.Localization;
using AiCoachBot.Coaching.Tests.Support;

namespace AiCoachBot.Coaching.Tests;

public sealed class AnswerParserTests
{
    private static readonly FlowDefinition Flow = CoachingContent.Load(Paths.Content, [Paths.TestFlows]).Flows.Single(f => f.Id == "all-kinds");
    private static readonly CultureInfo UsEnglish = CultureInfo.GetCultureInfo("en-US");
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    private static StepDefinition Step(string id) => Flow.Steps.Single(s => s.Id == id);

    private static ParsedAnswer Parse(string step, string? text, Language language = Language.En) =>
        AnswerParser.Parse(Step(step), text, language, language == Language.Fr ? French : UsEnglish);

    [Theory]
    [InlineData("yes", true)]
    [InlineData("Yes!", true)]
    [InlineData("OUI", true)]
    [InlineData("y", true)]
    [InlineData("no", false)]
    [InlineData("Non.", false)]
    public void YesNo_AcceptsBothLanguages(string text, bool expected) => Assert.Equal(expected, Parse("sponsor", text).Answer?.Flag);

    [Theory]
    [InlineData("maybe")]
    [InlineData("")]
    [InlineData("yes and no")]
    public void YesNo_RefusesAnythingElse_WithTheYesNoMessage(string text) => Assert.Equal("flow.invalid.yesno", Parse("sponsor", text).ErrorKey);

    [Theory]
    [InlineData("poc", "poc")]
    [InlineData("Proof of concept", "poc")]
    [InlineData("preuve de concept", "poc")]
    [InlineData("Déploiement", "deployment")]
    [InlineData("deploiement", "deployment")]
    [InlineData("1", "framing")]
    public void Choice_MatchesIdLabelInEitherLanguageOrNumber(string text, string expected) => Assert.Equal(expected, Parse("phase", text).Answer?.Choice);

    [Theory]
    [InlineData("4")]
    [InlineData("operations")]
    public void Choice_RefusesUnknownOptions(string text) => Assert.Equal("flow.invalid.choice", Parse("phase", text).ErrorKey);

    [Theory]
    [InlineData("1", 1)]
    [InlineData("5", 5)]
    [InlineData("4/5", 4)]
    public void Scale_AcceptsOneToFive(string text, int expected) => Assert.Equal(expected, Parse("quality", text).Answer?.Number);

    [Theory]
    [InlineData("0")]
    [InlineData("6")]
    [InlineData("3.5")]
    [InlineData("-1")]
    public void Scale_RefusesOutsideOneToFive(string text) => Assert.Equal("flow.invalid.scale", Parse("quality", text).ErrorKey);

    [Theory]
    [InlineData("150", Language.En, 150)]
    [InlineData("1,250.5", Language.En, 1250.5)]
    [InlineData("12.5", Language.Fr, 12.5)]
    [InlineData("12,5", Language.Fr, 12.5)]
    [InlineData("1 250,5", Language.Fr, 1250.5)]
    public void Number_ReadsEnglishAndFrenchNotation(string text, Language language, decimal expected) =>
        Assert.Equal(expected, Parse("budget", text, language).Answer?.Number);

    [Fact]
    public void Number_OutsideBounds_SaysTheBounds()
    {
        var parsed = Parse("budget", "5001");
        Assert.Equal("flow.invalid.numberRange", parsed.ErrorKey);
        Assert.Equal("0", parsed.ErrorArgs!["min"]);
        Assert.Equal("5000", parsed.ErrorArgs["max"]);
    }

    [Theory]
    [InlineData("2027-03-31", Language.En)]
    [InlineData("3/31/2027", Language.En)]
    [InlineData("31/03/2027", Language.Fr)]
    public void Date_ReadsIsoAndTheUsersOwnFormat(string text, Language language) =>
        Assert.Equal(new DateOnly(2027, 3, 31), Parse("decision", text, language).Answer?.Date);

    [Theory]
    [InlineData("next week")]
    [InlineData("2027-02-30")]
    [InlineData("0001-01-01")]
    public void Date_RefusesWhatIsNotARealisticDate(string text) => Assert.Equal("flow.invalid.date", Parse("decision", text).ErrorKey);

    [Fact]
    public void Text_IsCleanedOfMarkupAndLimited()
    {
        Assert.Equal("Predict churn", Parse("problem", "  <p>Predict&nbsp;churn</p> ").Answer?.Text);
        Assert.Equal("flow.invalid.text", Parse("problem", "   ").ErrorKey);
        var tooLong = Parse("problem", new string('x', 201));
        Assert.Equal("flow.invalid.textTooLong", tooLong.ErrorKey);
        Assert.Equal("200", tooLong.ErrorArgs!["max"]);
    }

    [Theory]
    [InlineData("gdpr,bias", new[] { "gdpr", "bias" })]
    [InlineData("Biais; données personnelles", new[] { "bias", "gdpr" })]
    [InlineData("1, 3, 1", new[] { "gdpr", "lockin" })]
    public void MultiSelect_ReadsSeveralOptions(string text, string[] expected) => Assert.Equal(expected, Parse("risks", text).Answer?.Choices);

    [Fact]
    public void MultiSelect_NoneCannotBeCombinedWithOtherOptions()
    {
        var parsed = Parse("risks", "gdpr, none");
        Assert.Equal("flow.invalid.exclusive", parsed.ErrorKey);
        Assert.Equal("None of these", parsed.ErrorArgs!["option"]);
        Assert.Equal(["none"], Parse("risks", "none").Answer?.Choices);
    }

    [Fact]
    public void MultiSelect_RespectsItsMaximum() => Assert.Equal("flow.invalid.multiselectCount", Parse("risks", "gdpr,bias,lockin").ErrorKey);

    [Fact]
    public void MultiSelect_RefusesAnUnknownOption() => Assert.Equal("flow.invalid.multiselect", Parse("risks", "gdpr,weather").ErrorKey);

    [Fact]
    public void CardValues_OfTheWrongType_AreReadAsTextOrRefused()
    {
        Assert.Equal("4", AnswerParser.FromCardValue(JsonValue.Create(4)));
        Assert.Equal("true", AnswerParser.FromCardValue(JsonValue.Create(true)));
        Assert.Null(AnswerParser.FromCardValue(new JsonObject { ["nested"] = 1 }));
        Assert.Null(AnswerParser.FromCardValue(new JsonArray(1, 2)));
        Assert.Equal("flow.invalid.scale", Parse("quality", null).ErrorKey);
    }
}
