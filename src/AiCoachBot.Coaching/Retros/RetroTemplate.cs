using AiCoachBot.Coaching.Localization;

namespace AiCoachBot.Coaching.Retros;

/// <summary>Which decision closes a retro: after a POC deploy / pivot / abandon, after anything else continue / adjust / stop.</summary>
public enum DecisionKind { Poc, Phase }

/// <summary>One retrospective template of content/retro/templates.yaml: the phase it closes, its texts and its decision.</summary>
public sealed record RetroTemplate(
    string Id,
    string? Phase,
    DecisionKind Decision,
    LocalizedText Title,
    LocalizedText Intro,
    IReadOnlyDictionary<ItemKind, LocalizedText> Prompts,
    IReadOnlyList<LocalizedText> Questions)
{
    public static IReadOnlyList<string> Decisions(DecisionKind kind) =>
        kind == DecisionKind.Poc ? ["deploy", "pivot", "abandon"] : ["continue", "adjust", "stop"];
}
