using AiCoachBot.Coaching.Commands;
using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.State;

namespace AiCoachBot.Coaching.Conversation;

using Decision = Change<UserSession, TurnResult>;

public sealed partial class CoachingService
{
    /// <summary>A command, typed or sent by a card's button, to the turns that carry it out.</summary>
    private Task<TurnResult> RunCommandAsync(UserTurn turn, string command, string? argument, string? projectId, CancellationToken cancellationToken)
    {
        var language = turn.Language;
        return command switch
        {
            CommandIds.Frame => _projects.ChooseAsync(turn, CommandIds.Frame, projectId, symptoms: null, cancellationToken),
            CommandIds.Diagnose => _projects.ChooseAsync(turn, CommandIds.Diagnose, projectId, argument is null ? null : ProjectTurns.ClipSymptoms(argument), cancellationToken),
            CommandIds.Projects => _projects.ListAsync(turn, cancellationToken),
            CommandIds.Project => _projects.ProfileAsync(turn, argument, projectId, cancellationToken),
            CommandIds.Export => _projects.ExportAsync(turn, argument, projectId, cancellationToken),
            CommandIds.Privacy => Task.FromResult(TurnResult.Say(_replies.Privacy(language, _modelConfigured, _storage))),
            CommandIds.Portfolio => _portfolio.ShowAsync(turn, null, cancellationToken),
            CommandIds.PortfolioExport => _portfolio.ExportAsync(turn, cancellationToken),
            CommandIds.PortfolioManagers => _portfolio.NameManagersAsync(turn, cancellationToken),
            CommandIds.MyData => _privacy.MyDataAsync(turn, cancellationToken),
            CommandIds.ForgetMe => Task.FromResult(_privacy.AskToForget(turn)),
            CommandIds.Sources => _coach.SourcesAsync(turn, cancellationToken),
            CommandIds.Setup => _setup.OpenAsync(turn, cancellationToken),
            CommandIds.NudgesPause => _setup.SetPausedAsync(turn, paused: true, cancellationToken),
            CommandIds.NudgesResume => _setup.SetPausedAsync(turn, paused: false, cancellationToken),
            CommandIds.KpiStatus => _setup.StatusAsync(turn, cancellationToken),
            CommandIds.NudgesNow => _setup.NowAsync(turn, cancellationToken),
            CommandIds.KpiHistory => _kpis.HistoryAsync(turn, cancellationToken),
            CommandIds.SetupEditors => _setup.EditorsAsync(turn, cancellationToken),
            CommandIds.Article => Task.FromResult(_coach.Article(turn, argument, articleId: null)),
            CommandIds.Retro => _retros.StartAsync(turn, argument, cancellationToken),
            CommandIds.RetroCloseTyped or CommandIds.RetroReopenTyped or CommandIds.RetroDeleteTyped or CommandIds.RetroExport
                => _retroClosing.TypedAsync(turn, command, argument, cancellationToken),
            CommandIds.Actions => _actions.ListAsync(turn, argument, cancellationToken),
            CommandIds.Help => UpdateSessionAsync(turn, s => FlowTurns.Active(_engine, s) is { } active
                ? _flows.Remind(active, TurnResult.Say(_replies.Help(language)), language)
                : Decision.Keep(TurnResult.Say(_replies.Help(language))), cancellationToken),
            CommandIds.Cancel => WithActiveFlowAsync(turn, active => _flows.Cancel(active, language), TextKeys.NothingToCancel, cancellationToken),
            CommandIds.Back => WithActiveFlowAsync(turn, active => _flows.Back(active, language), TextKeys.NothingToGoBack, cancellationToken),
            CommandIds.Restart => WithActiveFlowAsync(turn, active => _flows.Restart(active, language), TextKeys.NothingToRestart, cancellationToken),
            _ => Say(language, TextKeys.NotUnderstood),
        };
    }
}
