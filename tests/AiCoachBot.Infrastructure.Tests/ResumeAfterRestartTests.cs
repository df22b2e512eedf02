using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Conversation;
using Microsoft.Extensions.Options;

namespace AiCoachBot.Infrastructure.Tests;

/// <summary>A user who stops halfway, even across a restart of the bot, picks up where they left off.</summary>
public sealed class ResumeAfterRestartTests
{
    private static readonly ConversationScope Chat = new("tenant-1", "a:chat", ConversationKind.Personal, null);

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AiCoachBot.sln"))) dir = dir.Parent;
        return dir!.FullName;
    }

    private static CoachingService Coach(Storage.SqliteDocumentStore store)
    {
        var root = RepositoryRoot();
        var content = CoachingContent.Load(Path.Combine(root, "src", "content"), []);
        return new CoachingService(content, store, TimeProvider.System, Options.Create(new ContentOptions()));
    }

    private static Task<TurnResult> Say(CoachingService coach, string text) =>
        coach.OnMessageAsync(new UserTurn(Chat, "user-1", "Alex", "en-US", text, null), CancellationToken.None);

    [Fact]
    public async Task RestartInTheMiddleOfAFlow_ResumesAtTheSameQuestion()
    {
        await using var db = new TempDatabase();
        var before = Coach(await db.OpenAsync());
        var create = new System.Text.Json.Nodes.JsonObject { ["command"] = "project.create", ["name"] = "Churn", ["phase"] = "framing" };
        await before.OnMessageAsync(new UserTurn(Chat, "user-1", "Alex", "en-US", null, create), CancellationToken.None);
        await Say(before, "Reduce churn of SMB customers");
        await Say(before, "yes");

        var after = Coach(await db.OpenAsync());
        var next = await Say(after, "1");

        var card = Assert.Single(next.Messages).Card!.ToJsonString();
        Assert.Contains("Question 4 of 48", System.Text.RegularExpressions.Regex.Unescape(card));
    }
}
