using System.Text.Json.Nodes;
using AiCoachBot.Coaching.Coach;
using AiCoachBot.Coaching.Commands;
using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Flows;
using AiCoachBot.Coaching.Knowledge;
using AiCoachBot.Coaching.Localization;
using AiCoachBot.Coaching.Projects;
using AiCoachBot.Coaching.Search;
using AiCoachBot.Coaching.State;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AiCoachBot.Coaching.Conversation;

using Decision = Change<UserSession, TurnResult>;

/// <summary>
/// The coach's side of a turn: recognise what the user asks, decide, commit the session, and hand back
/// what to say. Decisions are committed before anything is sent, and recomputed if another turn won the race.
/// </summary>
public sealed partial class CoachingService
{
    private readonly CoachingContent _content;
    private readonly IDocumentStore _store;
    private readonly TimeProvider _time;
    private readonly int _maxMessageLength;
    private readonly FlowEngine _engine;
    private readonly CommandRecognizer _recognizer;
    private readonly Replies _replies;
    private readonly FlowTurns _flows;
    private readonly ProjectTurns _projects;
    private readonly FramingRecorder _framingRecorder;
    private readonly DiagnosticTurns _diagnostics;
    private readonly DiagnosisRecorder _diagnosisRecorder;
    private readonly CoachTurns _coach;
    private readonly ExplainTurns _explain;
    private readonly SetupTurns _setup;
    private readonly KpiTurns _kpis;
    private readonly RetroTurns _retros;
    private readonly RetroClosingTurns _retroClosing;
    private readonly ActionTurns _actions;
    private readonly PrivacyTurns _privacy;
    private readonly PortfolioTurns _portfolio;
    private readonly bool _modelConfigured;
    private readonly StorageDescription _storage;

    public CoachingService(
        CoachingContent content, IDocumentStore store, TimeProvider time, IOptions<ContentOptions> options,
        IOptions<CoachOptions>? coachOptions = null, ConfiguredChatModel? chatModel = null, ILogger<CoachingService>? logger = null,
        Nudges.NudgeDispatcher? nudges = null, IChannelMembers? members = null, Retros.PseudonymKey? pseudonymKey = null, Nudges.INudgePoster? poster = null, StorageDescription? storage = null,
        Portfolio.PortfolioOptions? portfolioOptions = null)
    {
        _content = content;
        _store = store;
        _time = time;
        _maxMessageLength = options.Value.MaxMessageLength;
        _engine = new FlowEngine([.. content.Flows, content.Framing.Checklist, content.Diagnostic.Questions],
            new Dictionary<string, IStepSelector> { [content.Diagnostic.Questions.Id] = new Diagnostics.DiagnosticPlanner(content.Diagnostic) });
        _recognizer = new CommandRecognizer(content);
        _replies = new Replies(content);
        _flows = new FlowTurns(_engine, new StepCardRenderer(content.Strings, _engine), _replies, content, time);
        var projects = new ProjectStore(store, time);
        _projects = new ProjectTurns(content, projects, store, _replies, StartOnProjectAsync);
        _framingRecorder = new FramingRecorder(content, projects, store);
        var settings = coachOptions?.Value ?? new CoachOptions();
        var budget = new TokenBudget(store, time, settings.DailyTokenBudget);
        var modelLogger = (ILogger?)logger ?? NullLogger.Instance;
        _diagnostics = new DiagnosticTurns(content, projects, _replies, time, new PitfallSuggester(content, chatModel?.Model, budget, settings, time, modelLogger));
        _diagnosisRecorder = new DiagnosisRecorder(content, projects, store);
        _modelConfigured = chatModel?.Model is not null;
        _storage = storage ?? new StorageDescription(SharedDatabase: false);
        var answerer = new CoachAnswerer(content, new KnowledgeRetriever(content.Knowledge), chatModel?.Model,
            new AnswerCache(store, time, settings.CacheLifetime), budget, settings, time, modelLogger);
        _coach = new CoachTurns(content, answerer, projects, store, _replies, time);
        _explain = new ExplainTurns(content, answerer, projects, _coach, _replies, time);
        _setup = new SetupTurns(content, projects, _replies, time, nudges);
        _kpis = new KpiTurns(content, store, projects, _replies, time, nudges?.Jobs);
        var key = pseudonymKey ?? Retros.PseudonymKey.Random();
        var desk = new RetroDesk(content, store, projects, _replies, time, key);
        _retros = new RetroTurns(content, projects, _replies, desk, poster);
        _retroClosing = new RetroClosingTurns(content, projects, _replies, desk, _retros,
            new Retros.RetroNarrator(content, chatModel?.Model, budget, settings, time, modelLogger), _coach.KnownNamesAsync, members);
        _actions = new ActionTurns(content, store, projects, _replies, time, nudges?.Jobs);
        _portfolio = new PortfolioTurns(content, new Portfolio.PortfolioAccess(store, projects, portfolioOptions ?? new Portfolio.PortfolioOptions()),
            new Portfolio.PortfolioRows(store, time), projects, _replies, time);
        _privacy = new PrivacyTurns(content, new Privacy.PersonalDataFinder(store, projects), new Privacy.PersonalDataEraser(store, key, time), _replies, time);
    }

    /// <summary>The bot was added to a chat or a team: say hello, once, however many install events arrive.</summary>
    public async Task<TurnResult> OnInstalledAsync(ConversationScope scope, string? userName, string? locale, CancellationToken cancellationToken)
    {
        var key = StateKeys.Install(scope.TenantId, scope.InstallScopeId);
        if (await _store.ReadAsync(key, cancellationToken) is not null) return TurnResult.None;
        try
        {
            await _store.WriteAsync(key, new InstallRecord(_time.GetUtcNow()), ifMatch: null, CoachingJsonContext.Default.InstallRecord, cancellationToken);
        }
        catch (ConcurrencyConflictException) { return TurnResult.None; }
        var language = Languages.FromLocale(locale);
        return TurnResult.Say(_replies.Welcome(language, scope.Kind == ConversationKind.Personal ? userName : null, inTeam: scope.Kind == ConversationKind.Channel));
    }

    public async Task<TurnResult> OnMessageAsync(UserTurn turn, CancellationToken cancellationToken)
    {
        if (turn.Value is { } value) return await OnCardDataAsync(turn, value, canReplaceCard: false, cancellationToken);

        var language = turn.Language;
        if ((turn.Text?.Length ?? 0) > _maxMessageLength * 4) return await Say(language, TextKeys.TooLong, MaxArgs());
        var text = TextNormalizer.Clean(turn.Text);
        if (text.Length > _maxMessageLength) return await Say(language, TextKeys.TooLong, MaxArgs());
        if (text.Length == 0) return await Say(language, TextKeys.Empty);

        var recognized = _recognizer.Recognize(text);
        if (recognized?.CommandId is { } command) return await RunCommandAsync(turn, command, recognized.Argument, projectId: null, cancellationToken);
        if (recognized?.Flow is { } flow) return await UpdateSessionAsync(turn, s => _flows.Start(s, flow, language), cancellationToken);

        var answered = false;
        var result = await UpdateSessionAsync(turn, session =>
        {
            var active = FlowTurns.Active(_engine, session);
            answered = active is not null;
            return active is null ? Decision.Keep(TurnResult.None) : _flows.TypedAnswer(active, text, turn);
        }, cancellationToken);
        if (answered) return result;
        // Not a command and no question waiting: a described problem ("nobody uses the tool") starts a diagnostic,
        // anything with words of substance is a question to the coach; "yes" or "hello" out of context is neither.
        var problem = _diagnostics.SoundsLikeAProblem(text);
        var reply = problem && !QuestionShape.IsQuestion(text)
            ? await _projects.ChooseAsync(turn, CommandIds.Diagnose, projectId: null, ProjectTurns.ClipSymptoms(text), cancellationToken)
            : SearchTerms.Of(text).Any()
                ? await _coach.AskAsync(turn, text, problem && QuestionShape.IsAboutOwnSituation(text), cancellationToken)
                : TurnResult.Say(_replies.Text(language, TextKeys.NotUnderstood));
        return reply with { Messages = [.. result.Messages, .. reply.Messages] };
    }

    /// <summary>An Action.Execute button: the answer may replace the pressed card.</summary>
    public async Task<TurnResult> OnCardActionAsync(UserTurn turn, CancellationToken cancellationToken)
    {
        var result = await OnCardDataAsync(turn, turn.Value ?? [], canReplaceCard: true, cancellationToken);
        // Teams shows the invoke answer beside the card: it must say something.
        return result.ReplaceCard is null && result.Notice is null ? result with { Notice = _replies.Notice(turn.Language, TextKeys.ActionDone) } : result;
    }

    private Task<TurnResult> OnCardDataAsync(UserTurn turn, JsonObject data, bool canReplaceCard, CancellationToken cancellationToken)
    {
        var language = turn.Language;
        if (FlowCardData.IsFlowAction(data, turn.Verb))
        {
            if (FlowCardData.Read(data, turn.Verb) is not { } flowData) return Unknown(language, canReplaceCard);
            var raw = AnswerParser.FromCardValue(data[FlowCardData.AnswerInputId]);
            if (raw?.Length > _maxMessageLength) return Say(language, TextKeys.TooLong, MaxArgs());
            return UpdateSessionAsync(turn, s => _flows.CardAction(s, flowData, raw, turn, canReplaceCard), cancellationToken);
        }

        var command = CardValues.Text(data["command"]);
        // Only the flows of flows/ start from a button: the framing checklist needs its project first.
        if (command == "start" && _content.Flows.FirstOrDefault(f => f.Id == CardValues.Text(data["flow"])) is { } flow)
            return UpdateSessionAsync(turn, s => _flows.Start(s, flow, language), cancellationToken);
        if (command == CommandIds.NewProject) return Task.FromResult(_projects.NewProject(turn, data));
        if (command == CommandIds.CreateProject) return _projects.CreateAsync(turn, data, cancellationToken);
        if (command == CommandIds.AddAction) return _diagnostics.AddActionAsync(turn, data, cancellationToken);
        if (command == CommandIds.SubmitKpis) return _kpis.SubmitAsync(turn, data, cancellationToken);
        if (command == CommandIds.SaveSetup) return _setup.SaveAsync(turn, data, cancellationToken);
        if (command == CommandIds.Explain) return _explain.ExplainAsync(turn, data, cancellationToken);
        if (command == CommandIds.Article) return Task.FromResult(_coach.Article(turn, typed: null, CardValues.Text(data[ArticleCards.ArticleField]) ?? ""));
        if (command == CommandIds.ActionDone) return _actions.DoneAsync(turn, data, cancellationToken);
        if (command == CommandIds.PortfolioFilter) return _portfolio.ShowAsync(turn, data, cancellationToken);
        if (command == CommandIds.PortfolioArchive) return _portfolio.ArchiveAsync(turn, data, cancellationToken);
        if (command == CommandIds.MyDataExport) return _privacy.ExportAsync(turn, cancellationToken);
        if (command == CommandIds.ForgetMeConfirmed) return _privacy.ForgetAsync(turn, cancellationToken);
        if (command == CommandIds.ForgetMeKept) return Task.FromResult(_privacy.Kept(turn));
        if (RetroButton(command, turn, data, cancellationToken) is { } retro) return retro;
        if (command is not null && _content.Commands.Commands.Any(k => k.Id == command))
        {
            var argument = command == CommandIds.Diagnose ? CardValues.Text(data[ProjectCards.SymptomsField], CardValues.MaxInputLength) : null;
            return RunCommandAsync(turn, command, argument, CardValues.Text(data[ProjectCards.ProjectInput]), cancellationToken);
        }
        return Unknown(language, canReplaceCard);
    }

    /// <summary>A card that asked to be followed was posted as <paramref name="activityId"/> (a retro's live card).</summary>
    public Task OnCardPostedAsync(UserTurn turn, string track, string activityId, CancellationToken cancellationToken) =>
        _retros.RememberCardAsync(turn, track, activityId, cancellationToken);

    /// <summary>A coach's answer was posted as <paramref name="activityId"/>: keep it for its feedback.</summary>
    public Task OnAnswerPostedAsync(UserTurn turn, AnswerRecord record, string activityId, CancellationToken cancellationToken) =>
        _coach.RememberPostedAsync(turn, record, activityId, cancellationToken);

    /// <summary>Thumbs up / down (Teams' feedback buttons) on the message <paramref name="activityId"/>; false when it is not a coach's answer.</summary>
    public Task<bool> OnFeedbackAsync(UserTurn turn, string activityId, string reaction, string? comment, CancellationToken cancellationToken) =>
        _coach.FeedbackAsync(turn, activityId, reaction, comment, cancellationToken);

    /// <summary>The document of an export the user accepted as a file; null when it is not theirs or no longer exists.</summary>
    public Task<ExportDocument?> ExportAgainAsync(UserTurn turn, JsonObject reference, CancellationToken cancellationToken) =>
        reference[PrivacyTurns.ExportReference] is not null ? _privacy.DocumentAgainAsync(turn, cancellationToken)
        : reference[PortfolioTurns.ExportReference] is not null ? _portfolio.DocumentAgainAsync(turn, cancellationToken)
        : reference[Retros.RetroCardParts.RetroField] is not null ? _retroClosing.DocumentAgainAsync(turn, reference, cancellationToken)
        : _projects.DocumentAgainAsync(turn, reference, cancellationToken);

    private Task<TurnResult> WithActiveFlowAsync(UserTurn turn, Func<FlowSession, Decision> act, string otherwiseKey, CancellationToken cancellationToken) =>
        UpdateSessionAsync(turn, s => FlowTurns.Active(_engine, s) is { } active
            ? act(active)
            : Decision.Keep(TurnResult.Say(_replies.Text(turn.Language, otherwiseKey))), cancellationToken);

    private async Task<TurnResult> StartOnProjectAsync(UserTurn turn, Project project, string purpose, string? symptoms, IReadOnlyList<OutgoingMessage> before, CancellationToken cancellationToken)
    {
        var diagnose = purpose == CommandIds.Diagnose;
        var opening = diagnose ? await _diagnostics.OpeningAsync(turn, project, symptoms, cancellationToken) : FramingOpening(project, turn.Language);
        var flow = diagnose ? _content.Diagnostic.Questions : _content.Framing.Checklist;
        var started = await UpdateSessionAsync(turn, s => _flows.Start(s, flow, turn.Language, opening), cancellationToken);
        return started with { Messages = [.. before, .. started.Messages] };
    }

    private FlowOpening FramingOpening(Project project, Language language)
    {
        var name = new Dictionary<string, string> { ["project"] = MarkdownText.Literal(project.Name) };
        var started = _replies.Text(language, TextKeys.FramingStarted, new Dictionary<string, string>(name)
        {
            ["count"] = _content.Framing.Checklist.Steps.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        return new FlowOpening(project, [started], _replies.Text(language, TextKeys.FramingResumed, name));
    }

    /// <summary>
    /// Commits the decision, then records a finished run on a project. A run still pending (the bot stopped
    /// between the two writes) is carried by whatever is decided next and recorded then.
    /// </summary>
    private async Task<TurnResult> UpdateSessionAsync(UserTurn turn, Func<UserSession?, Decision> decide, CancellationToken cancellationToken)
    {
        UserSession? committed = null;
        var result = await _store.UpdateAsync(turn.SessionKey, CoachingJsonContext.Default.UserSession, current =>
        {
            var change = KeepPending(current, decide(current));
            committed = change.Kind switch { ChangeKind.Save => change.Value, ChangeKind.Keep => current, _ => null };
            return change;
        }, cancellationToken);
        if (committed?.Pending is not { } pending) return result;
        var recorded = pending.FlowId == _content.Diagnostic.Questions.Id
            ? await _diagnosisRecorder.RecordAsync(turn, pending, cancellationToken)
            : await _framingRecorder.RecordAsync(turn, pending, cancellationToken);
        return result with { Messages = [.. result.Messages, .. recorded] };
    }

    private Decision KeepPending(UserSession? current, Decision change)
    {
        if (current?.Pending is not { } pending) return change;
        return change.Kind switch
        {
            ChangeKind.Save when change.Value!.Pending is null => change with { Value = change.Value with { Pending = pending } },
            ChangeKind.Delete => Decision.Save(new UserSession(null, _time.GetUtcNow(), pending), change.Result),
            _ => change,
        };
    }

    private Task<TurnResult> Unknown(Language language, bool canReplaceCard) => Task.FromResult(canReplaceCard
        ? new TurnResult([], Notice: _replies.Notice(language, TextKeys.UnknownCardAction))
        : TurnResult.Say(_replies.Text(language, TextKeys.UnknownCardAction)));

    private Task<TurnResult> Say(Language language, string key, IReadOnlyDictionary<string, string>? args = null) =>
        Task.FromResult(TurnResult.Say(_replies.Text(language, key, args)));

    private Dictionary<string, string> MaxArgs() => new() { ["max"] = _maxMessageLength.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    /// <summary>A fixed text of the content in the language of <paramref name="locale"/>.</summary>
    public string Text(string? locale, string key) => _content.Strings.Get(Languages.FromLocale(locale), key);
}
