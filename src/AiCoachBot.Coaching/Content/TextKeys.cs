namespace AiCoachBot.Coaching.Content;

/// <summary>The texts the code asks for by name; start-up fails if a strings file lacks one.</summary>
public static class TextKeys
{
    public const string FlowProgress = "flow.progress";
    public const string FlowNext = "flow.button.next";
    public const string FlowBack = "flow.button.back";
    public const string FlowYes = "flow.button.yes";
    public const string FlowNo = "flow.button.no";
    public const string FlowAnswered = "flow.answered";
    public const string FlowTypeHint = "flow.typeHint";
    public const string FlowNumberHint = "flow.hint.number";
    public const string FlowTextHint = "flow.hint.text";
    public const string FlowMultiHint = "flow.hint.multiselect";
    public const string FlowScaleLow = "flow.scale.low";
    public const string FlowScaleHigh = "flow.scale.high";
    public const string FlowResumed = "flow.resumed";
    public const string FlowReplaced = "flow.replaced";
    public const string FlowCancelled = "flow.cancelled";
    public const string FlowRestarted = "flow.restarted";
    public const string FlowAtFirst = "flow.atFirstQuestion";
    public const string FlowStale = "flow.stale";
    public const string FlowSummaryTitle = "flow.summary.title";
    public const string FlowInProgress = "flow.inProgress";
    public const string NothingToCancel = "command.nothingToCancel";
    public const string NothingToGoBack = "command.nothingToGoBack";
    public const string NothingToRestart = "command.nothingToRestart";
    public const string NotUnderstood = "message.notUnderstood";
    public const string TooLong = "message.tooLong";
    public const string Empty = "message.empty";
    public const string UnknownCardAction = "card.unknownAction";
    public const string ActionDone = "card.actionDone";
    public const string TurnFailed = "error.turnFailed";
    public const string Yes = "answer.yes";
    public const string No = "answer.no";
    public const string StorageEmbedded = "privacy.storage.sqlite";
    public const string ScorecardTitle = "scorecard.title";
    public const string ScorecardOverall = "scorecard.overall";
    public const string ScorecardHeldDown = "scorecard.heldDown";
    public const string ScorecardDimensions = "scorecard.dimensions";
    public const string ScorecardChange = "scorecard.change";
    public const string ScorecardNextActions = "scorecard.nextActions";
    public const string ScorecardNoGaps = "scorecard.noGaps";
    public const string ScorecardTier = "scorecard.tier";
    public const string ScorecardTierNote = "scorecard.tierNote";
    public const string ScorecardTierUnknown = "scorecard.tierUnknown";
    public const string FlowExclusive = "flow.invalid.exclusive";
    public const string ScorecardRule = "scorecard.rule";
    public const string ExportTitle = "export.title";
    public const string ExportMeta = "export.meta";
    public const string ExportAnswers = "export.answers";
    public const string ExportScores = "export.scores";
    public const string ExportRules = "export.rules";
    public const string ExportActions = "export.actions";
    public const string ExportTier = "export.tier";
    public const string ExportBecause = "export.because";
    public const string ExportNotAnswered = "export.notAnswered";

    public static string VerdictText(Framing.Verdict verdict) => $"scorecard.verdict.{verdict}";

    public static string CommandTitle(string id) => $"command.{id}.title";
    public static string CommandDescription(string id) => $"command.{id}.description";

    public static IEnumerable<string> All() =>
        typeof(TextKeys).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!)
            .Concat(["flow.invalid.yesno", "flow.invalid.choice", "flow.invalid.multiselect", "flow.invalid.multiselectCount", "flow.invalid.scale",
                "flow.invalid.number", "flow.invalid.numberRange", "flow.invalid.date", "flow.invalid.text", "flow.invalid.textTooLong"])
            .Concat(Enum.GetValues<Framing.Verdict>().Select(VerdictText));
}
