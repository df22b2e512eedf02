namespace AiCoachBot.Coaching.Content;

/// <summary>The texts the code asks for by name; start-up fails if a strings file lacks one.</summary>
public static partial class TextKeys
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
    public const string TenantRefused = "tenant.refused";
    public const string Yes = "answer.yes";
    public const string No = "answer.no";
    public const string StorageEmbedded = "privacy.storage.sqlite";
    public const string StorageShared = "privacy.storage.postgres";
    public const string PrivacyModelNone = "privacy.model.none";
    public const string PrivacyModelConfigured = "privacy.model.configured";
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

    public const string PickerTitle = "project.picker.title";
    public const string PickerIntroTeam = "project.picker.intro.team";
    public const string PickerIntroPerson = "project.picker.intro.person";
    public const string PickerLabel = "project.picker.label";
    public const string PickerStart = "project.picker.start";
    public const string ProjectNewButton = "project.button.new";
    public const string FormTitle = "project.form.title";
    public const string FormIntroTeam = "project.form.intro.team";
    public const string FormIntroPerson = "project.form.intro.person";
    public const string FormName = "project.form.name";
    public const string FormNamePlaceholder = "project.form.namePlaceholder";
    public const string FormNameRequired = "project.form.nameRequired";
    public const string FormDescription = "project.form.description";
    public const string FormDescriptionPlaceholder = "project.form.descriptionPlaceholder";
    public const string FormDescriptionTooLong = "project.form.descriptionTooLong";
    public const string FormPhase = "project.form.phase";
    public const string FormPhaseInvalid = "project.form.phaseInvalid";
    public const string FormCreate = "project.form.create";
    public const string ProjectNameTaken = "project.nameTaken";
    public const string ProjectCreated = "project.created";
    public const string ProjectNotFound = "project.notFound";
    public const string ProjectNotYours = "project.notYours";
    public const string ProjectAmbiguous = "project.ambiguous";
    public const string ProjectGone = "project.gone";
    public const string ProjectsTitleTeam = "projects.title.team";
    public const string ProjectsTitlePerson = "projects.title.person";
    public const string ProjectsNoneTeam = "projects.none.team";
    public const string ProjectsNonePerson = "projects.none.person";
    public const string ProjectsOpen = "projects.open";
    public const string ProjectsMore = "projects.more";
    public const string ProjectsHint = "projects.hint";
    public const string ProjectsFrame = "projects.button.frame";
    public const string ProjectsNotAssessed = "projects.notAssessed";
    public const string ProjectsAssessed = "projects.assessed";
    public const string ProfilePhase = "profile.phase";
    public const string ProfileCreated = "profile.created";
    public const string ProfileNotAssessed = "profile.notAssessed";
    public const string ProfileReadiness = "profile.readiness";
    public const string ProfileRuns = "profile.runs";
    public const string ProfileGaps = "profile.gaps";
    public const string ProfileNoGaps = "profile.noGaps";
    public const string ProfileMoreGaps = "profile.moreGaps";
    public const string ProfileFrame = "profile.button.frame";
    public const string ProfileExport = "profile.button.export";
    public const string FramingStarted = "framing.started";
    public const string FramingResumed = "framing.resumed";
    public const string ScorecardExport = "scorecard.button.export";
    public const string ScorecardProfile = "scorecard.button.profile";
    public const string ExportNothing = "export.nothing";
    public const string ExportNotAssessed = "export.notAssessed";
    public const string ExportIntro = "export.intro";
    public const string ExportFileDescription = "export.fileDescription";
    public const string ExportFileSent = "export.fileSent";
    public const string ExportDeclined = "export.declined";
    public const string ExportUploadFailed = "export.uploadFailed";
    public const string ExportExpired = "export.expired";

    public static string VerdictText(Framing.Verdict verdict) => $"scorecard.verdict.{verdict}";

    public static string CommandTitle(string id) => $"command.{id}.title";
    public static string CommandDescription(string id) => $"command.{id}.description";

    public const string DiagnosticStarted = "diagnostic.started";
    public const string DiagnosticReused = "diagnostic.reused";
    public const string DiagnosticFocus = "diagnostic.focus";
    public const string DiagnosticResumed = "diagnostic.resumed";
    public const string DiagnosticPickerStart = "diagnostic.picker.start";
    public const string DiagnosticTitle = "diagnostic.title";
    public const string DiagnosticSummary = "diagnostic.summary";
    public const string DiagnosticSummaryReused = "diagnostic.summaryReused";
    public const string DiagnosticDescribed = "diagnostic.described";
    public const string DiagnosticBecause = "diagnostic.because";
    public const string DiagnosticEvidence = "diagnostic.evidence";
    public const string DiagnosticFromFraming = "diagnostic.fromFraming";
    public const string DiagnosticWeek = "diagnostic.week";
    public const string DiagnosticQuarter = "diagnostic.quarter";
    public const string DiagnosticAddWeek = "diagnostic.addWeek";
    public const string DiagnosticAddQuarter = "diagnostic.addQuarter";
    public const string DiagnosticNone = "diagnostic.none";
    public const string DiagnosticNotExamined = "diagnostic.notExamined";
    public const string DiagnosticOtherLow = "diagnostic.otherLow";
    public const string DiagnosticSince = "diagnostic.since";
    public const string DiagnosticImproved = "diagnostic.improved";
    public const string DiagnosticWorse = "diagnostic.worse";
    public const string DiagnosticUnchanged = "diagnostic.unchanged";
    public const string DiagnosticChange = "diagnostic.change";
    public const string DiagnosticWas = "diagnostic.was";
    public const string ActionAdded = "action.added";
    public const string ActionExists = "action.exists";
    public const string ActionInvalid = "action.invalid";
    public const string ActionFull = "action.full";
    public const string ProfileDiagnosis = "profile.diagnosis";
    public const string ProfileDiagnosisClear = "profile.diagnosisClear";
    public const string ProfileNoDiagnosis = "profile.noDiagnosis";
    public const string ProfileActions = "profile.actions";
    public const string ProfileDiagnose = "profile.button.diagnose";
    public const string ProfileMoreActions = "profile.moreActions";
    public const string HelpDiagnose = "help.button.diagnose";
    public const string WelcomeSetup = "welcome.button.setup";
    public const string CoachOfflineIntro = "coach.offlineIntro";
    public const string CoachReadMore = "coach.readMore";
    public const string CoachSourcesHint = "coach.sourcesHint";
    public const string CoachNotCovered = "coach.notCovered";
    public const string CoachQuestionCut = "coach.questionCut";
    public const string CoachBudgetSpent = "coach.budgetSpent";
    public const string CoachModelUnavailable = "coach.modelUnavailable";
    public const string CoachDiagnoseSuggestion = "coach.diagnoseSuggestion";
    public const string CoachDiagnoseButton = "coach.button.diagnose";
    public const string CoachNoSources = "coach.noSources";
    public const string CoachSourcesTitle = "coach.sources.title";
    public const string CoachOpenArticle = "coach.button.openArticle";
    public const string CoachUnknownArticle = "coach.unknownArticle";
    public const string ArticleReviewed = "article.reviewed";
    public const string ArticleRelated = "article.related";
    public const string ExplainButton = "explain.button";
    public const string ExplainUnavailable = "explain.unavailable";
    public const string ExplainGapTitle = "explain.gap.title";
    public const string ExplainPitfallTitle = "explain.pitfall.title";
    public const string ExplainRule = "explain.rule";
    public const string ExplainAnswers = "explain.answers";
    public const string ExplainNoAnswers = "explain.noAnswers";
    public const string ExplainFirst = "explain.first";
    public const string ExplainRead = "explain.read";
    public const string ExplainNeverScores = "explain.neverScores";

    public static string RiskTitle(Diagnostics.RiskLevel level) => $"diagnostic.risk.{level}";
    public static string RiskLevelText(Diagnostics.RiskLevel level) => $"diagnostic.level.{level}";

    public static IEnumerable<string> All() =>
        typeof(TextKeys).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!)
            .Concat(["flow.invalid.yesno", "flow.invalid.choice", "flow.invalid.multiselect", "flow.invalid.multiselectCount", "flow.invalid.scale",
                "flow.invalid.number", "flow.invalid.numberRange", "flow.invalid.date", "flow.invalid.text", "flow.invalid.textTooLong"])
            .Concat(NudgeKeys)
            .Concat(RetroKeys)
            .Concat(WebKeys)
            .Concat(Enum.GetValues<Framing.Verdict>().Select(VerdictText))
            .Concat(Enum.GetValues<Diagnostics.RiskLevel>().Select(RiskLevelText))
            .Concat(Enum.GetValues<Diagnostics.RiskLevel>().Where(l => l > Diagnostics.RiskLevel.None).Select(RiskTitle));
}
