using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace AiCoachBot.E2E.Tests.Support;

/// <summary>
/// The personal chat of a fresh Playground page, seen as a Teams user sees it. Selectors are the Playground's
/// stable Fluent UI, Lexical and adaptivecards names (see shared/PLAYGROUND.md), never its hashed classes.
/// </summary>
public sealed class PlaygroundChat : IAsyncDisposable
{
    private static readonly float Timeout = (float)PlaygroundFixture.StepTimeout.TotalMilliseconds;
    // Where the page sends a card action: Action.Submit posts to submit, Action.Execute to invoke.
    private static readonly string[] CardActionPaths = ["/_conversation/v1/submit", "/_conversation/v1/invoke"];
    private const float ActionSentTimeout = 3_000;
    private const int MaxClickAttempts = 3;
    private readonly List<string> _console = [];

    private PlaygroundChat(IPage page)
    {
        Page = page;
        page.Console += (_, message) => { lock (_console) _console.Add($"[{message.Type}] {message.Text}"); };
        page.PageError += (_, error) => { lock (_console) _console.Add($"[pageerror] {error}"); };
    }

    public IPage Page { get; }

    private ILocator ComposeBox => Page.Locator("[role=\"textbox\"][data-lexical-editor=\"true\"]");

    private ILocator SendButton => Page.Locator("button[aria-label=\"Send Message\"]");

    /// <summary>Adaptive Cards in chat bubbles (not the chat-list preview nor the log panel), oldest first.</summary>
    private ILocator Cards => Page.Locator(".fai-OutputCard .ac-adaptiveCard");

    /// <summary>A new blank page, listening to its console before anything loads.</summary>
    public static async Task<PlaygroundChat> CreateAsync(PlaygroundFixture playground) => new(await playground.NewPageAsync());

    /// <summary>Runs the steps on a fresh page; on failure writes a screenshot, the page and the logs to the test output.</summary>
    public static async Task RunAsync(PlaygroundFixture playground, ITestOutputHelper output, Func<PlaygroundChat, Task> steps, string testName)
    {
        await using var chat = await CreateAsync(playground);
        try
        {
            await chat.LoadAsync(playground.PlaygroundUrl);
            await steps(chat);
        }
        catch
        {
            await chat.ReportAsync(output, testName);
            output.WriteLine(playground.LogTails());
            throw;
        }
    }

    /// <summary>History lives in the page, so every test loads a new one and waits for the compose box before typing.</summary>
    public async Task LoadAsync(string url)
    {
        await Page.GotoAsync(url, new() { Timeout = Timeout });
        await ComposeBox.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = Timeout });
        await Assertions.Expect(ComposeBox).ToBeEditableAsync(new() { Timeout = Timeout });
    }

    public async Task SendAsync(string text)
    {
        await ComposeBox.ClickAsync(new() { Timeout = Timeout });
        await ComposeBox.PressSequentiallyAsync(text, new() { Timeout = Timeout });
        await SendButton.ClickAsync(new() { Timeout = Timeout });
    }

    /// <summary>The newest card containing <paramref name="text"/>, once it is shown.</summary>
    public async Task<ILocator> WaitForCardAsync(string text)
    {
        var card = Cards.Filter(new() { HasText = text }).Last;
        await card.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = Timeout });
        return card;
    }

    /// <summary>The newest bot message bubble (text or card) containing <paramref name="text"/>, once it is shown.</summary>
    public async Task<ILocator> WaitForMessageAsync(string text)
    {
        var message = Page.Locator(".fai-OutputCard").Filter(new() { HasText = text }).Last;
        await message.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = Timeout });
        return message;
    }

    public Task<int> CountCardsAsync(Regex text) => Cards.Filter(new() { HasTextRegex = text }).CountAsync();

    /// <summary>Waits for one more card matching <paramref name="text"/> than the <paramref name="before"/> already shown.</summary>
    public async Task<ILocator> WaitForNewCardAsync(Regex text, int before)
    {
        var card = Cards.Filter(new() { HasTextRegex = text }).Nth(before);
        await card.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = Timeout });
        return card;
    }

    /// <summary>
    /// Clicks a card's Action.Submit or Action.Execute button and waits until the page has sent the action to the Playground.
    /// Now and then (twice in ~40 runs here) a click on a card that has just appeared never left the page: no request,
    /// no console error, the button not disabled. Nothing was sent then, so clicking again is safe.
    /// </summary>
    public async Task ClickCardButtonAsync(ILocator card, string title)
    {
        var button = card.GetByRole(AriaRole.Button, new() { Name = title, Exact = true });
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await Page.RunAndWaitForRequestAsync(
                    () => button.ClickAsync(new() { Timeout = Timeout }),
                    request => request.Method == "POST" && CardActionPaths.Any(path => request.Url.EndsWith(path, StringComparison.Ordinal)),
                    new() { Timeout = ActionSentTimeout });
                return;
            }
            catch (TimeoutException) when (attempt < MaxClickAttempts)
            {
                lock (_console) _console.Add($"[e2e] click {attempt} on '{title}' sent nothing; clicking again");
            }
        }
    }

    /// <summary>Saves a screenshot and writes what the page showed and logged, for a failing test.</summary>
    public async Task ReportAsync(ITestOutputHelper output, string testName)
    {
        try
        {
            var folder = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "e2e-artifacts")).FullName;
            var screenshot = Path.Combine(folder, $"{testName}-{DateTime.UtcNow:yyyyMMdd-HHmmss}.png");
            await Page.ScreenshotAsync(new() { Path = screenshot, FullPage = true, Timeout = Timeout });
            output.WriteLine($"Screenshot: {screenshot}");
            var text = await Page.Locator("body").InnerTextAsync(new() { Timeout = Timeout });
            output.WriteLine($"--- page text ---\n{Truncate(text, 4000)}\n---");
        }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException or IOException)
        {
            output.WriteLine($"(no screenshot: {ex.Message})");
        }
        lock (_console) output.WriteLine($"--- page console ---\n{string.Join('\n', _console.TakeLast(40))}\n---");
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length] + "…";

    public async ValueTask DisposeAsync() => await Page.CloseAsync();
}
