using AiCoachBot.Coaching.Localization;

namespace AiCoachBot.Host.Tests.Support;

/// <summary>What the tests know of <c>flows/host-test.yaml</c>: one step of each kind, in this order.</summary>
public static class HostTestFlow
{
    public const string Id = "host-test";
    public const string TriggerEn = "host test check";
    public const string TriggerFr = "vérification de l'hôte";

    public static readonly string[] Steps = ["sponsor", "stage", "quality", "budget", "golive", "goal", "risks"];

    public static string Title(Language language) => language == Language.Fr ? "Vérification de l'hôte" : "Host test check";

    public static string Completion(Language language) => language == Language.Fr
        ? "Merci, la vérification de l'hôte est terminée."
        : "Thank you, the host test check is complete.";

    public static int Position(string step) => Array.IndexOf(Steps, step) + 1;
}
