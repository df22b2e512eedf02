using System.Globalization;
using System.Text.Json.Nodes;
using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Localization;
using static AiCoachBot.Coaching.Content.CardElements;

namespace AiCoachBot.Coaching.Flows;

/// <summary>One question as an Adaptive Card 1.5, with a text fallback for clients that cannot show cards.</summary>
public sealed class StepCardRenderer(StringCatalog strings, FlowEngine engine)
{
    public JsonObject Question(FlowDefinition flow, FlowSession session, Language language, string? error = null)
    {
        var step = flow.Steps[session.StepIndex];
        var data = new FlowCardData(FlowCardData.AnswerAction, flow.Id, step.Id, session.Token);
        var body = new JsonArray
        {
            Text(Progress(flow, session, language), subtle: true, size: "Small"),
            Text(step.Prompt[language], weight: "Bolder", size: "Medium"),
        };
        if (step.Help is { } help) body.Add(Text(help[language], subtle: true));
        if (error is not null) body.Add(Text(error, color: "Attention"));
        if (Input(step, language) is { } input) body.Add(input);

        var actions = new JsonArray();
        if (step.Kind == StepKind.YesNo)
        {
            actions.Add(Execute(strings.Get(language, TextKeys.FlowYes), data.ToJson("yes"), primary: true));
            actions.Add(Execute(strings.Get(language, TextKeys.FlowNo), data.ToJson("no")));
        }
        else actions.Add(Execute(strings.Get(language, TextKeys.FlowNext), data.ToJson(), primary: true));
        if (session.History.Count > 0) actions.Add(Execute(strings.Get(language, TextKeys.FlowBack), (data with { Action = FlowCardData.BackAction }).ToJson()));

        return Card(body, actions, $"{step.Prompt[language]} {TypeHint(step, language)}".Trim());
    }

    /// <summary>The question as it stays in the chat once answered: no buttons left to press twice.</summary>
    public JsonObject Answered(FlowDefinition flow, StepDefinition step, string displayedAnswer, Language language) =>
        Card(
            [
                Text(flow.Title[language], subtle: true, size: "Small"),
                Text(step.Prompt[language], weight: "Bolder"),
                UserText(strings.Format(language, TextKeys.FlowAnswered, new Dictionary<string, string> { ["answer"] = displayedAnswer })),
            ],
            [],
            $"{step.Prompt[language]} {displayedAnswer}");

    public JsonObject Summary(FlowDefinition flow, FlowSession session, Language language)
    {
        var title = strings.Format(language, TextKeys.FlowSummaryTitle, new Dictionary<string, string> { ["title"] = flow.Title[language] });
        var body = new JsonArray { Text(title, weight: "Bolder", size: "Medium"), Text(flow.Completion[language]) };
        foreach (var step in flow.Steps.Where(s => session.Answers.ContainsKey(s.Id)))
        {
            body.Add(Text(step.Prompt[language], subtle: true, size: "Small"));
            body.Add(UserText(AnswerFormatter.Display(step, session.Answers[step.Id], language, strings)));
        }
        return Card(body, [], $"{title} {flow.Completion[language]}");
    }

    private string Progress(FlowDefinition flow, FlowSession session, Language language)
    {
        var (index, count) = engine.Progress(session);
        return strings.Format(language, TextKeys.FlowProgress, new Dictionary<string, string>
        {
            ["index"] = index.ToString(CultureInfo.InvariantCulture),
            ["count"] = count.ToString(CultureInfo.InvariantCulture),
            ["title"] = flow.Title[language],
        });
    }

    private JsonObject? Input(StepDefinition step, Language language)
    {
        var input = step.Kind switch
        {
            StepKind.YesNo => null,
            StepKind.Choice => ChoiceSet(step.Options.Select(o => (o.Label[language], o.Id)), multi: false),
            StepKind.MultiSelect => ChoiceSet(step.Options.Select(o => (o.Label[language], o.Id)), multi: true),
            StepKind.Scale => ChoiceSet(Enumerable.Range(StepDefinition.ScaleMin, StepDefinition.ScaleMax).Select(i => (ScaleLabel(step, i, language), i.ToString(CultureInfo.InvariantCulture))), multi: false),
            StepKind.Number => new JsonObject { ["type"] = "Input.Number", ["placeholder"] = TypeHint(step, language) },
            StepKind.Date => new JsonObject { ["type"] = "Input.Date" },
            _ => new JsonObject { ["type"] = "Input.Text", ["isMultiline"] = step.MaxLength > 200, ["maxLength"] = step.MaxLength, ["placeholder"] = strings.Get(language, TextKeys.FlowTextHint) },
        };
        if (input is null) return null;
        input["id"] = FlowCardData.AnswerInputId;
        input["isRequired"] = true;
        input["errorMessage"] = TypeHint(step, language);
        if (step.Kind == StepKind.Number)
        {
            if (step.Min is { } min) input["min"] = min;
            if (step.Max is { } max) input["max"] = max;
        }
        return input;
    }

    private string ScaleLabel(StepDefinition step, int value, Language language) => value switch
    {
        StepDefinition.ScaleMin => $"1 · {(step.MinLabel?[language] ?? strings.Get(language, TextKeys.FlowScaleLow))}",
        StepDefinition.ScaleMax => $"5 · {(step.MaxLabel?[language] ?? strings.Get(language, TextKeys.FlowScaleHigh))}",
        _ => value.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>How to answer by typing, for the text fallback and the inputs' error message.</summary>
    public string TypeHint(StepDefinition step, Language language) => step.Kind switch
    {
        StepKind.Number => strings.Format(language, TextKeys.FlowNumberHint, new Dictionary<string, string>
        {
            ["min"] = step.Min?.ToString("0.##", CultureInfo.InvariantCulture) ?? "…",
            ["max"] = step.Max?.ToString("0.##", CultureInfo.InvariantCulture) ?? "…",
        }),
        StepKind.MultiSelect => strings.Get(language, TextKeys.FlowMultiHint),
        _ => strings.Format(language, TextKeys.FlowTypeHint, new Dictionary<string, string> { ["choices"] = Choices(step, language) }),
    };

    private string Choices(StepDefinition step, Language language) => step.Kind switch
    {
        StepKind.YesNo => $"{strings.Get(language, TextKeys.FlowYes)} / {strings.Get(language, TextKeys.FlowNo)}",
        StepKind.Choice => string.Join(" / ", step.Options.Select(o => o.Label[language])),
        StepKind.Scale => "1-5",
        StepKind.Date => language == Language.Fr ? "JJ/MM/AAAA" : "YYYY-MM-DD",
        _ => "…",
    };

    private static JsonObject ChoiceSet(IEnumerable<(string Title, string Value)> choices, bool multi) => new()
    {
        ["type"] = "Input.ChoiceSet",
        ["style"] = "expanded",
        ["isMultiSelect"] = multi,
        ["choices"] = new JsonArray(choices.Select(c => (JsonNode)new JsonObject { ["title"] = c.Title, ["value"] = c.Value }).ToArray()),
    };

    private static JsonObject Execute(string title, JsonObject data, bool primary = false)
    {
        var action = new JsonObject { ["type"] = "Action.Execute", ["title"] = title, ["verb"] = data["action"]!.GetValue<string>(), ["data"] = data };
        if (primary) action["style"] = "positive";
        return action;
    }
}
