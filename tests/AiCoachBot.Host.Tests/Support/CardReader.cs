using System.Text.Json.Nodes;

namespace AiCoachBot.Host.Tests.Support;

/// <summary>Reads the parts of an Adaptive Card a user sees and presses.</summary>
public static class CardReader
{
    /// <summary>Every text of the card, in order: TextBlocks, TextRuns and facts.</summary>
    public static IReadOnlyList<string> Texts(JsonNode? card)
    {
        var texts = new List<string>();
        Collect(card?["body"], texts);
        return texts;
    }

    public static IReadOnlyList<JsonObject> Actions(JsonObject card) =>
        card["actions"] is JsonArray actions ? [.. actions.OfType<JsonObject>()] : [];

    public static JsonObject Action(JsonObject card, string title) =>
        Actions(card).SingleOrDefault(a => a["title"]?.GetValue<string>() == title)
        ?? throw new Xunit.Sdk.XunitException($"No action '{title}' on the card: {card.ToJsonString()}");

    /// <summary>The buttons of the card's ActionSets, in the body, in order.</summary>
    public static IReadOnlyList<JsonObject> BodyActions(JsonObject card) =>
        [.. (card["body"] as JsonArray ?? []).OfType<JsonObject>().Where(e => (string?)e["type"] == "ActionSet")
            .SelectMany(s => (s["actions"] as JsonArray ?? []).OfType<JsonObject>())];

    /// <summary>The data of the card's answer button: flow, step, token.</summary>
    public static JsonObject FlowData(JsonObject card) =>
        Actions(card).Where(a => a["verb"]?.GetValue<string>() == "flow.answer").Select(a => a["data"]!.AsObject()).FirstOrDefault()
        ?? throw new Xunit.Sdk.XunitException($"Not a question card: {card.ToJsonString()}");

    public static string StepOf(JsonObject card) => FlowData(card)["step"]!.GetValue<string>();

    public static int TokenOf(JsonObject card) => FlowData(card)["token"]!.GetValue<int>();

    private static void Collect(JsonNode? node, List<string> texts)
    {
        switch (node)
        {
            case JsonArray array:
                foreach (var item in array) Collect(item, texts);
                break;
            case JsonObject obj:
                var type = obj["type"]?.GetValue<string>();
                if (type is "TextBlock" or "TextRun" && obj["text"] is JsonValue text) texts.Add(text.GetValue<string>());
                if (type == "FactSet" && obj["facts"] is JsonArray facts)
                    foreach (var fact in facts) texts.Add($"{fact?["title"]}: {fact?["value"]}");
                foreach (var (key, child) in obj)
                    if (key is not "facts" and not "text") Collect(child, texts);
                break;
        }
    }

    /// <summary>An input (or any element) of a card by its id; fails the test when there is none.</summary>
    public static JsonObject Input(JsonNode? card, string id) => Find(card, id) ?? throw new Xunit.Sdk.XunitException($"No element '{id}' in the card");

    private static JsonObject? Find(JsonNode? node, string id) => node switch
    {
        JsonObject o when (string?)o["id"] == id => o,
        JsonObject o => o.Select(p => Find(p.Value, id)).FirstOrDefault(f => f is not null),
        JsonArray a => a.Select(e => Find(e, id)).FirstOrDefault(f => f is not null),
        _ => null,
    };
}
