namespace AiCoachBot.Coaching.Commands;

public static class CommandIds
{
    public const string Help = "help";
    public const string Privacy = "privacy";
    public const string MyData = "my-data";
    public const string ForgetMe = "forget-me";
    public const string Cancel = "cancel";
    public const string Back = "back";
    public const string Restart = "restart";
    public const string Frame = "frame";
    public const string Projects = "projects";
    public const string Project = "project";
    public const string Export = "export";
    public const string Diagnose = "diagnose";
    public const string Sources = "sources";
    public const string Article = "article";
    public const string Setup = "setup";
    public const string NudgesPause = "nudges-pause";
    public const string NudgesResume = "nudges-resume";
    public const string KpiStatus = "kpi-status";
    public const string NudgesNow = "nudges-now";
    public const string KpiHistory = "kpi-history";
    public const string SetupEditors = "setup-editors";
    public const string Retro = "retro";
    public const string RetroCloseTyped = "retro-close";
    public const string RetroReopenTyped = "retro-reopen";
    public const string RetroDeleteTyped = "retro-delete";
    public const string RetroExport = "retro-export";
    public const string Actions = "actions";
    public const string Portfolio = "portfolio";
    public const string PortfolioExport = "portfolio-export";
    public const string PortfolioManagers = "portfolio-managers";

    /// <summary>Sent by the project form's button, never typed.</summary>
    public const string CreateProject = "project.create";
    public const string NewProject = "project.new";
    /// <summary>Sent by a diagnostic's remedy button: add the remedy as an action on the project.</summary>
    public const string AddAction = "project.action.add";
    /// <summary>Sent by the set-up card's save button.</summary>
    public const string SaveSetup = "setup.save";
    /// <summary>Sent by the weekly card's button: this week's KPI values.</summary>
    public const string SubmitKpis = "kpi.submit";
    /// <summary>Sent by an "Explain" button on a scorecard gap or a diagnosed pitfall.</summary>
    public const string Explain = "explain";
    /// <summary>The retro cards' buttons (Retros/RetroCards).</summary>
    public const string RetroOpen = "retro.open";
    public const string RetroAdd = "retro.add";
    public const string RetroYours = "retro.yours";
    public const string RetroVotes = "retro.votes";
    public const string RetroEdit = "retro.edit";
    public const string RetroRemove = "retro.remove";
    public const string RetroView = "retro.view";
    public const string RetroCloseForm = "retro.closeForm";
    public const string RetroClose = "retro.close";
    public const string RetroReopen = "retro.reopen";
    public const string RetroDelete = "retro.delete";
    public const string RetroDeleteConfirmed = "retro.delete.confirmed";
    /// <summary>The "my data" card's buttons and the "forget me" confirmation's.</summary>
    public const string MyDataExport = "my-data.export";
    public const string ForgetMeConfirmed = "forget-me.confirmed";
    public const string ForgetMeKept = "forget-me.kept";
    /// <summary>The portfolio card's buttons: apply its filters, archive a stale project.</summary>
    public const string PortfolioFilter = "portfolio.filter";
    public const string PortfolioArchive = "portfolio.archive";
    /// <summary>Sent by "Mark done" beside an action, on the weekly card or the actions list.</summary>
    public const string ActionDone = "action.done";

    public static IReadOnlyList<string> Required { get; } = [Help, Privacy, MyData, ForgetMe, Cancel, Back, Restart, Frame, Projects, Project, Export, Diagnose, Sources, Article, Setup, NudgesPause, NudgesResume, NudgesNow, KpiStatus, KpiHistory, SetupEditors,
        Retro, RetroCloseTyped, RetroReopenTyped, RetroDeleteTyped, RetroExport, Actions, Portfolio, PortfolioExport, PortfolioManagers];
}
