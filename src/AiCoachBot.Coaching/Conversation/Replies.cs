using System.Text.Json.Nodes;
using AiCoachBot.Coaching.Commands;
using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Localization;

namespace AiCoachBot.Coaching.Conversation;

/// <summary>The bot's fixed messages, built from the content files.</summary>
public sealed class Replies(CoachingContent content)
{
    public OutgoingMessage Text(Language language, string key, IReadOnlyDictionary<string, string>? args = null) =>
        OutgoingMessage.OfText(args is null ? content.Strings.Get(language, key) : content.Strings.Format(language, key, args));

    public string Notice(Language language, string key) => content.Strings.Get(language, key);

    /// <summary>The welcome card; in a team it also offers to set the channel's project up.</summary>
    public OutgoingMessage Welcome(Language language, string? userName, bool inTeam = false)
    {
        var card = content.Cards.Render(CardNames.Welcome, language, new Dictionary<string, string> { ["name"] = SafeName(userName) });
        if (inTeam && card["actions"] is JsonArray actions)
            actions.Insert(0, new JsonObject
            {
                ["type"] = "Action.Submit",
                ["title"] = content.Strings.Get(language, TextKeys.WelcomeSetup),
                ["data"] = new JsonObject { ["command"] = CommandIds.Setup },
            });
        return OutgoingMessage.OfCard(card);
    }

    public OutgoingMessage Privacy(Language language, bool modelConfigured, StorageDescription storage) =>
        OutgoingMessage.OfCard(content.Cards.Render(CardNames.Privacy, language, new Dictionary<string, string>
        {
            ["storage"] = content.Strings.Get(language, storage.TextKey),
            ["model"] = content.Strings.Get(language, modelConfigured ? TextKeys.PrivacyModelConfigured : TextKeys.PrivacyModelNone),
            ["days"] = storage.Days,
        }));

    public OutgoingMessage Help(Language language)
    {
        var commands = content.Commands.Commands.Where(c => c.ShowInHelp)
            .Select(c => (JsonNode)new JsonObject
            {
                ["title"] = content.Strings.Get(language, TextKeys.CommandTitle(c.Id)),
                ["value"] = content.Strings.Get(language, TextKeys.CommandDescription(c.Id)),
            });
        var flows = content.Flows.Where(f => f.Triggers.All.Any())
            .Select(f => (JsonNode)new JsonObject
            {
                ["type"] = "Action.Submit",
                ["title"] = f.Title[language],
                ["data"] = new JsonObject { ["command"] = "start", ["flow"] = f.Id },
            });
        var slots = new Dictionary<string, IReadOnlyList<JsonNode>>
        {
            ["commands"] = [new JsonObject { ["type"] = "FactSet", ["facts"] = new JsonArray(commands.ToArray()) }],
            ["flows"] = flows.ToList(),
        };
        return OutgoingMessage.OfCard(content.Cards.Render(CardNames.Help, language, slots: slots));
    }

    /// <summary>A display name goes into markdown text: keep letters, digits, spaces and a few name characters.</summary>
    private static string SafeName(string? name)
    {
        var kept = new string((name ?? "").Where(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '\'' or '.').Take(60).ToArray()).Trim();
        return kept.Length == 0 ? "" : " " + kept.Split(' ')[0];
    }
}
