using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using AiCoachBot.E2E.Tests.Support;
using Microsoft.Playwright;

namespace AiCoachBot.E2E.Tests;

/// <summary>A Teams user starts the framing checklist: fills the new-project form the Playground renders, and gets the first question.</summary>
public sealed class FramingTests(PlaygroundFixture playground, ITestOutputHelper output) : IClassFixture<PlaygroundFixture>
{
    private const string FrameCommand = "I want to start an AI project";
    private const string FormTitle = "A new AI project";
    private const string CreateButton = "Create and start framing";
    private static readonly Regex FirstQuestion = new("Question 1 of 48", RegexOptions.IgnoreCase);

    [Fact]
    public Task NewProjectForm_FilledAndSubmitted_StartsTheChecklistOnThatProject() => InPlaygroundAsync(async chat =>
    {
        await chat.SendAsync(FrameCommand);
        var form = await chat.WaitForCardAsync(FormTitle);

        await form.GetByRole(AriaRole.Textbox).First.FillAsync("Email triage", new() { Timeout = (float)PlaygroundFixture.StepTimeout.TotalMilliseconds });
        var questionsBefore = await chat.CountCardsAsync(FirstQuestion);
        await chat.ClickCardButtonAsync(form, CreateButton);

        var question = await chat.WaitForNewCardAsync(FirstQuestion, questionsBefore);
        await Assertions.Expect(question).ToContainTextAsync("which business problem");
    });

    private Task InPlaygroundAsync(Func<PlaygroundChat, Task> steps, [CallerMemberName] string testName = "") =>
        PlaygroundChat.RunAsync(playground, output, steps, testName);
}
