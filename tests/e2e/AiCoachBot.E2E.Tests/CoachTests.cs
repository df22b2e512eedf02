using System.Runtime.CompilerServices;
using AiCoachBot.E2E.Tests.Support;
using Microsoft.Playwright;

namespace AiCoachBot.E2E.Tests;

/// <summary>A Teams user asks the coach a question in the personal chat and reads a cited answer, then its sources.</summary>
public sealed class CoachTests(PlaygroundFixture playground, ITestOutputHelper output) : IClassFixture<PlaygroundFixture>
{
    // The question, text only the offline answer shows, and the title of the article it must cite.
    private const string Question = "what is data drift?";
    private const string OfflineAnswer = "Answer from the coach's knowledge base";
    private const string CitedArticle = "Data drift and concept drift";
    private const string SourcesTitle = "Articles cited in my last answer";

    [Fact]
    public Task AQuestion_IsAnsweredFromTheKnowledgeBase_AndItsSourcesOpen() => InPlaygroundAsync(async chat =>
    {
        await chat.SendAsync(Question);
        var answer = await chat.WaitForMessageAsync(OfflineAnswer);
        await Assertions.Expect(answer).ToContainTextAsync(CitedArticle, new() { Timeout = (float)PlaygroundFixture.StepTimeout.TotalMilliseconds });

        await chat.SendAsync("sources");
        var sources = await chat.WaitForCardAsync(SourcesTitle);
        await Assertions.Expect(sources).ToContainTextAsync(CitedArticle, new() { Timeout = (float)PlaygroundFixture.StepTimeout.TotalMilliseconds });
    });

    private Task InPlaygroundAsync(Func<PlaygroundChat, Task> steps, [CallerMemberName] string testName = "") =>
        PlaygroundChat.RunAsync(playground, output, steps, testName);
}
