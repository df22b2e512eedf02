using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using AiCoachBot.E2E.Tests.Support;
using Microsoft.Playwright;

namespace AiCoachBot.E2E.Tests;

/// <summary>
/// A manager runs a retrospective in the Playground: creates a project, opens the retro from the card the Playground
/// renders, and adds a contribution from the live card, which then shows it.
/// </summary>
public sealed class RetroTests(PlaygroundFixture playground, ITestOutputHelper output) : IClassFixture<PlaygroundFixture>
{
    private const string Contribution = "The pilot users adopted the tool within a week";
    private static readonly Regex LiveCard = new("Add your contribution");

    [Fact]
    public Task TheOpeningCard_TakesAContribution_AndShowsIt() => InPlaygroundAsync(async chat =>
    {
        await chat.SendAsync("frame");
        var form = await chat.WaitForCardAsync("A new AI project");
        await form.GetByRole(AriaRole.Textbox).First.FillAsync("Claims triage", new() { Timeout = Timeout });
        await chat.ClickCardButtonAsync(form, "Create and start framing");
        await chat.WaitForCardAsync("Question 1 of");

        await chat.SendAsync("retro");
        var start = await chat.WaitForCardAsync("Run a retrospective");
        var liveBefore = await chat.CountCardsAsync(LiveCard);
        await chat.ClickCardButtonAsync(start, "Open the retrospective");
        var live = await chat.WaitForNewCardAsync(LiveCard, liveBefore);
        await Assertions.Expect(live).ToContainTextAsync("KPI results since", new() { Timeout = Timeout });
        await Assertions.Expect(live).ToContainTextAsync("No contributions yet", new() { Timeout = Timeout });

        await live.GetByRole(AriaRole.Textbox, new() { Name = "Your contribution" }).FillAsync(Contribution, new() { Timeout = Timeout });
        await chat.ClickCardButtonAsync(live, "Add");

        await Assertions.Expect(live).ToContainTextAsync(Contribution, new() { Timeout = Timeout });
        await Assertions.Expect(live).ToContainTextAsync("Contributions: 1 · contributors: 1", new() { Timeout = Timeout });
    });

    private static float Timeout => (float)PlaygroundFixture.StepTimeout.TotalMilliseconds;

    private Task InPlaygroundAsync(Func<PlaygroundChat, Task> steps, [CallerMemberName] string testName = "") =>
        PlaygroundChat.RunAsync(playground, output, steps, testName);
}
