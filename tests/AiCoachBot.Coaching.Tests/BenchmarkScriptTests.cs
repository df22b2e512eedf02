using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Conversation;
using AiCoachBot.Coaching.Flows;
using AiCoachBot.Coaching.Tests.Support;
using Microsoft.Extensions.Options;

namespace AiCoachBot.Coaching.Tests;

/// <summary>
/// benchmarks/aicoachbot.json plays the whole framing checklist through the load generator. It is written
/// from the shipped content by this test, so it cannot drift from the checklist: run with
/// UPDATE_BENCHMARK_SCRIPT=1 to rewrite it after the checklist changes.
/// </summary>
public sealed class BenchmarkScriptTests
{
    private static readonly CoachingContent Content = CoachingContent.Load(Paths.Content, []);
    private static string ScriptPath => Path.Combine(Paths.RepositoryRoot, "benchmarks", "aicoachbot.json");

    [Fact]
    public async Task TheBenchmarkScript_PlaysTheWholeFramingChecklist_AsTheBotAnswersToday()
    {
        var expected = await WriteScriptAsync();
        if (Environment.GetEnvironmentVariable("UPDATE_BENCHMARK_SCRIPT") == "1") await File.WriteAllTextAsync(ScriptPath, expected);
        Assert.Equal(expected, (await File.ReadAllTextAsync(ScriptPath)).ReplaceLineEndings("\n"));
    }

    /// <summary>Create the project (or continue with it, from the second conversation on), then answer each question, the choice lists by their card.</summary>
    private static async Task<string> WriteScriptAsync()
    {
        var coach = new CoachingService(Content, new InMemoryDocumentStore(), new ManualClock(DateTimeOffset.UnixEpoch), Options.Create(new ContentOptions()));
        var user = new FramingDriver(coach, Content, new ConversationScope("tenant", "a:bench", ConversationKind.Personal, null), "bench-user");
        var create = new JsonObject { ["command"] = "project.create", ["name"] = "Churn prediction", ["description"] = "Predict which SMB customers will cancel", ["phase"] = "framing" };
        var turns = new List<string> { Turn("value", create, @"Project \*\*Churn prediction\*\* created|already a project named \*\*Churn prediction\*\*") };

        var result = await user.PressAsync(create);
        while (user.StepOf(result) is { } step)
        {
            var answer = AnswerFor(step);
            var card = result.Messages[^1].Card!;
            var data = card["actions"]!.AsArray().Select(a => a!["data"]!).First(d => d["action"]?.GetValue<string>() == FlowCardData.AnswerAction).DeepClone().AsObject();
            var byCard = step.Kind == StepKind.MultiSelect;
            if (byCard) data[FlowCardData.AnswerInputId] = answer;
            result = byCard ? await user.PressAsync(data) : await user.SayAsync(answer);
            var reply = result.Messages[0];
            // Plain words only: loadgen compiles them as JavaScript regular expressions.
            var expect = reply.Card is { } next ? Progress(next) : Content.Framing.Checklist.Completion.En.Split(',')[0].Replace("'", ".", StringComparison.Ordinal);
            turns.Add(byCard ? Turn("value", data, expect) : Turn("text", JsonValue.Create(answer), expect));
        }
        return "[\n  " + string.Join(",\n  ", turns) + "\n]\n";
    }

    /// <summary>A project in good shape with a few gaps, so that most rules are examined and some fire.</summary>
    private static string AnswerFor(StepDefinition step) => step.Kind switch
    {
        StepKind.YesNo => "yes",
        StepKind.Choice => step.Options.Count > 2 ? "2" : "1",
        StepKind.MultiSelect => string.Join(",", step.Options.Where(o => o.Id is not ("none" or "unsure" or "unknown")).Take(2).Select(o => o.Id)),
        StepKind.Scale => "4",
        StepKind.Number => ((step.Min ?? 0) + ((step.Max ?? 100) - (step.Min ?? 0)) / 4).ToString("0", CultureInfo.InvariantCulture),
        StepKind.Date => "2027-03-31",
        _ => "Customer-service agents spend two hours a day sorting incoming emails.",
    };

    private static string Progress(JsonObject card) =>
        Regex.Match(CardText.Of(card), @"Question \d+ of \d+").Value is { Length: > 0 } progress ? progress : throw new Xunit.Sdk.XunitException("No progress line on the card.");

    private static string Turn(string kind, JsonNode payload, string expect) =>
        new JsonObject { [kind] = payload.DeepClone(), ["expect"] = expect }.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
