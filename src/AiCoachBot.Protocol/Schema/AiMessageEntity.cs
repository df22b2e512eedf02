using System.Text.Json;
using System.Text.Json.Nodes;

namespace AiCoachBot.Protocol.Schema;

/// <summary>A source an answer cites as <c>[Position]</c>: Teams shows its name and abstract, and opens <see cref="Card"/>.</summary>
public sealed record CitationClaim(int Position, string Name, string Abstract, IReadOnlyList<string> Keywords, JsonObject Card);

/// <summary>
/// The one schema.org Message entity Teams reads on a bot message: the "AI generated" label and the
/// citations behind the <c>[n]</c> markers of its text. Teams rejects a message with two of them.
/// </summary>
public static class AiMessageEntity
{
    public const string Type = "https://schema.org/Message";
    public const int MaxCitations = 10;

    public static Entity Create(bool aiGenerated, IReadOnlyList<CitationClaim> citations)
    {
        var extra = new JsonObject { ["@type"] = "Message", ["@context"] = "https://schema.org", ["@id"] = "" };
        if (aiGenerated) extra["additionalType"] = new JsonArray("AIGeneratedContent");
        if (citations.Count > 0)
            extra["citation"] = new JsonArray(citations.Take(MaxCitations).Select(c => (JsonNode)new JsonObject
            {
                ["@type"] = "Claim",
                ["position"] = c.Position,
                ["appearance"] = new JsonObject
                {
                    ["@type"] = "DigitalDocument",
                    ["name"] = c.Name,
                    ["abstract"] = c.Abstract,
                    ["text"] = c.Card.ToJsonString(),
                    ["encodingFormat"] = "application/vnd.microsoft.card.adaptive",
                    ["keywords"] = new JsonArray(c.Keywords.Select(k => (JsonNode)JsonValue.Create(k)!).ToArray()),
                },
            }).ToArray());
        using var document = JsonDocument.Parse(extra.ToJsonString());
        return new Entity
        {
            Type = Type,
            Extra = document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone()),
        };
    }
}
