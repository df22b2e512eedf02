using AiCoachBot.Coaching.Commands;
using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Tests.Support;

namespace AiCoachBot.Coaching.Tests;

public sealed class CommandRecognizerTests
{
    private static readonly CommandRecognizer Recognizer = new(CoachingContent.Load(Paths.Content, [Paths.TestFlows]));

    private static string? Command(string typed) => Recognizer.Recognize(TextNormalizer.Clean(typed))?.CommandId;

    [Theory]
    [InlineData("help", "help")]
    [InlineData("HELP", "help")]
    [InlineData("Help!", "help")]
    [InlineData("aide", "help")]
    [InlineData("Aide ?", "help")]
    [InlineData("<at>AiCoachBot</at> help", "help")]
    [InlineData("<at>AiCoachBot</at>&nbsp;aide", "help")]
    [InlineData("privacy", "privacy")]
    [InlineData("confidentialité", "privacy")]
    [InlineData("CONFIDENTIALITE", "privacy")]
    [InlineData("Vie privée", "privacy")]
    [InlineData("annuler", "cancel")]
    [InlineData("cancel", "cancel")]
    [InlineData("retour", "back")]
    [InlineData("Recommencer", "restart")]
    public void Commands_AreRecognisedInEitherLanguage_AnyCase_AfterAMention(string typed, string expected) =>
        Assert.Equal(expected, Command(typed));

    [Theory]
    [InlineData("help me define my KPIs")]
    [InlineData("what is data drift?")]
    [InlineData("")]
    public void OrdinaryText_IsNotACommand(string typed) => Assert.Null(Command(typed));

    [Fact]
    public void FlowTriggers_StartTheirFlow_InEitherLanguage()
    {
        Assert.Equal("all-kinds", Recognizer.Recognize("All kinds")?.Flow?.Id);
        Assert.Equal("all-kinds", Recognizer.Recognize("tous les types")?.Flow?.Id);
    }

    [Theory]
    [InlineData("<at>Bot</at> hello <b>there</b>", "hello there")]
    [InlineData("a\u00a0\u00a0b\r\n c", "a b c")]
    [InlineData("x\u0000y", "x y")]
    [InlineData("&lt;script&gt;", "<script>")]
    public void Clean_RemovesMentionsMarkupAndControlCharacters(string raw, string expected) => Assert.Equal(expected, TextNormalizer.Clean(raw));
}
