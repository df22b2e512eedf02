using System.Text.Json.Nodes;
using AiCoachBot.Coaching.Content;

namespace AiCoachBot.Coaching.Flows;

/// <summary>What a flow card carries back when a button is pressed, through Action.Execute or Action.Submit.</summary>
public sealed record FlowCardData(string Action, string FlowId, string StepId, int Token)
{
    public const string AnswerAction = "flow.answer";
    public const string BackAction = "flow.back";
    public const string AnswerInputId = "answer";

    public JsonObject ToJson(string? answer = null)
    {
        var data = new JsonObject { ["action"] = Action, ["flow"] = FlowId, ["step"] = StepId, ["token"] = Token };
        if (answer is not null) data[AnswerInputId] = answer;
        return data;
    }

    /// <summary>Null when the payload does not have the shape of a flow card's data (old, foreign or tampered).</summary>
    public static FlowCardData? Read(JsonObject data, string? verb)
    {
        var action = verb is AnswerAction or BackAction ? verb : CardValues.Text(data["action"]);
        if (action is not (AnswerAction or BackAction)) return null;
        if (CardValues.Text(data["flow"]) is not { } flow || CardValues.Text(data["step"]) is not { } step) return null;
        if (data["token"] is not JsonValue t || !(t.TryGetValue<int>(out var token) || (t.TryGetValue<string>(out var ts) && int.TryParse(ts, out token)))) return null;
        return new FlowCardData(action, flow, step, token);
    }

    public static bool IsFlowAction(JsonObject data, string? verb) =>
        verb is AnswerAction or BackAction || CardValues.Text(data["action"]) is AnswerAction or BackAction;
}
