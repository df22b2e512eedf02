using AiCoachBot.Coaching.Coach;
using AiCoachBot.Coaching.Localization;

namespace AiCoachBot.Coaching.Tests;

public sealed class QuestionShapeTests
{
    [Theory]
    [InlineData("what is data drift")]
    [InlineData("nobody uses the tool, why?")]
    [InlineData("Comment définir les critères de succès d'un POC")]
    [InlineData("c'est quoi le MLOps")]
    [InlineData("est-ce que le RGPD s'applique à un POC")]
    public void Questions_AreRecognised(string text) => Assert.True(QuestionShape.IsQuestion(text));

    [Theory]
    [InlineData("nobody uses the tool we deployed")]
    [InlineData("personne n'utilise l'outil")]
    public void StatementsOfAProblem_AreNotQuestions(string text) => Assert.False(QuestionShape.IsQuestion(text));

    [Theory]
    [InlineData("how do I convince my sponsor to fund data cleaning?", Language.Fr, Language.En)]
    [InlineData("comment convaincre mon sponsor de financer le nettoyage des données ?", Language.En, Language.Fr)]
    [InlineData("MLOps?", Language.Fr, Language.Fr)]
    public void TheLanguageOfAQuestion_IsItsOwn_OrTheUsersWhenItDoesNotSay(string text, Language teams, Language expected) =>
        Assert.Equal(expected, QuestionLanguage.Guess(text, teams));
}
