using System.Globalization;
using System.Text.Json.Nodes;
using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Conversation;
using AiCoachBot.Coaching.Flows;

namespace AiCoachBot.Coaching.Tests.Support;

/// <summary>Plays one user through the framing checklist by typing an answer to each question card.</summary>
internal sealed class FramingDriver(CoachingService coach, CoachingContent content, ConversationScope scope, string userId, string locale = "en-US")
{
    public UserTurn Says(string text) => new(scope, userId, "Alex Wilber", locale, text, null);

    public UserTurn Presses(JsonObject data) => new(scope, userId, "Alex Wilber", locale, null, data);

    public Task<TurnResult> SayAsync(string text) => coach.OnMessageAsync(Says(text), CancellationToken.None);

    public Task<TurnResult> PressAsync(JsonObject data) => coach.OnMessageAsync(Presses(data), CancellationToken.None);

    /// <summary>Creates a project through the form and returns the first question.</summary>
    public Task<TurnResult> CreateProjectAsync(string name, string phase = "framing", string description = "A one-line description") =>
        PressAsync(new JsonObject { ["command"] = "project.create", ["name"] = name, ["description"] = description, ["phase"] = phase });

    /// <summary>Answers every question, choosing with <paramref name="choose"/> (default: the first option), until the scorecard comes.</summary>
    public async Task<TurnResult> AnswerAllAsync(TurnResult current, Func<StepDefinition, string>? choose = null)
    {
        for (var turns = 0; turns < 200; turns++)
        {
            if (StepOf(current) is not { } step) return current;
            current = await SayAsync((choose ?? FirstOption)(step));
        }
        throw new Xunit.Sdk.XunitException("The checklist never ended.");
    }

    /// <summary>The question the last card of a result asks, if it is a framing question card.</summary>
    public StepDefinition? StepOf(TurnResult result)
    {
        var data = result.Messages.LastOrDefault()?.Card?["actions"]?.AsArray()
            .Select(a => a?["data"]).FirstOrDefault(d => d?["action"]?.GetValue<string>() == FlowCardData.AnswerAction);
        var stepId = data?["step"]?.GetValue<string>();
        return stepId is null ? null : content.Framing.Checklist.Steps.Single(s => s.Id == stepId);
    }

    public static string FirstOption(StepDefinition step) => step.Kind switch
    {
        StepKind.YesNo => "yes",
        StepKind.Choice or StepKind.MultiSelect => "1",
        StepKind.Scale => "4",
        StepKind.Number => (step.Max ?? step.Min ?? 1).ToString(CultureInfo.InvariantCulture),
        StepKind.Date => "2027-03-31",
        _ => "Customer-service agents spend two hours a day sorting emails.",
    };

    public static string LastOption(StepDefinition step) => step.Kind switch
    {
        StepKind.YesNo => "no",
        StepKind.Choice or StepKind.MultiSelect => step.Options.Count.ToString(CultureInfo.InvariantCulture),
        StepKind.Scale => "1",
        StepKind.Number => (step.Min ?? 0).ToString(CultureInfo.InvariantCulture),
        StepKind.Date => "2027-03-31",
        _ => "Not sure yet.",
    };
}
