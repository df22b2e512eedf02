using System.Text.Json.Nodes;
using AiCoachBot.Coaching.Commands;
using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Flows;
using AiCoachBot.Coaching.Localization;
using AiCoachBot.Coaching.State;
using Microsoft.Extensions.Options;

namespace AiCoachBot.Coaching.Conversation;

using Decision = Change<UserSession, TurnResult>;

/// <summary>
/// The coach's side of a turn: recognise what the user asks, decide, commit the session, and hand back
/// what to say. Decisions are committed before anything is sent, and recomputed if another turn won the race.
/// </summary>
public sealed class CoachingService
{
    private readonly CoachingContent _content;
    private readonly IDocumentStore _store;
    private readonly TimeProvider _time;
    private readonly int _maxMessageLength;
    private readonly FlowEngine _engine;
    private readonly CommandRecognizer _recognizer;
    private readonly Replies _replies;
    private readonly FlowTurns _flows;

    public CoachingService(CoachingContent content, IDocumentStore store, TimeProvider time, IOptions<ContentOptions> options)
    {
        _content = content;
        _store = store;
        _time = time;
        _maxMessageLength = options.Value.MaxMessageLength;
        _engine = new FlowEngine(content.Flows);
        _recognizer = new CommandRecognizer(content);
        _replies = new Replies(content);
        _flows = new FlowTurns(_engine, new StepCardRenderer(content.Strings), _replies, content, time);
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
        return TurnResult.Say(_replies.Welcome(language, scope.Kind == ConversationKind.Personal ? userName : null));
    }

    public Task<TurnResult> OnMessageAsync(UserTurn turn, CancellationToken cancellationToken)
    {
        if (turn.Value is { } value) return OnCardDataAsync(turn, value, canReplaceCard: false, cancellationToken);

        var language = turn.Language;
        if ((turn.Text?.Length ?? 0) > _maxMessageLength * 4) return Say(language, TextKeys.TooLong, MaxArgs());
        var text = TextNormalizer.Clean(turn.Text);
        if (text.Length > _maxMessageLength) return Say(language, TextKeys.TooLong, MaxArgs());
        if (text.Length == 0) return Say(language, TextKeys.Empty);

        var recognized = _recognizer.Recognize(text);
        if (recognized?.CommandId is { } command) return RunCommandAsync(turn, command, cancellationToken);
        if (recognized?.Flow is { } flow) return UpdateSessionAsync(turn, s => _flows.Start(s, flow, language), cancellationToken);

        return UpdateSessionAsync(turn, session => FlowTurns.Active(_engine, session) is { } active
            ? _flows.TypedAnswer(active, text, turn)
            : Decision.Keep(TurnResult.Say(_replies.Text(language, TextKeys.NotUnderstood))), cancellationToken);
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

        var command = data["command"] is JsonValue c && c.TryGetValue<string>(out var name) ? name : null;
        if (command == "start" && data["flow"] is JsonValue f && f.TryGetValue<string>(out var flowId) && _engine.Find(flowId) is { } flow)
            return UpdateSessionAsync(turn, s => _flows.Start(s, flow, language), cancellationToken);
        if (command is not null && _content.Commands.Commands.Any(k => k.Id == command))
            return RunCommandAsync(turn, command, cancellationToken);
        return Unknown(language, canReplaceCard);
    }

    private Task<TurnResult> RunCommandAsync(UserTurn turn, string command, CancellationToken cancellationToken)
    {
        var language = turn.Language;
        return command switch
        {
            CommandIds.Privacy => Task.FromResult(TurnResult.Say(_replies.Privacy(language))),
            CommandIds.Help => UpdateSessionAsync(turn, s => FlowTurns.Active(_engine, s) is { } active
                ? _flows.Remind(active, TurnResult.Say(_replies.Help(language)), language)
                : Decision.Keep(TurnResult.Say(_replies.Help(language))), cancellationToken),
            CommandIds.Cancel => WithActiveFlowAsync(turn, active => _flows.Cancel(active, language), TextKeys.NothingToCancel, cancellationToken),
            CommandIds.Back => WithActiveFlowAsync(turn, active => _flows.Back(active, language), TextKeys.NothingToGoBack, cancellationToken),
            CommandIds.Restart => WithActiveFlowAsync(turn, active => _flows.Restart(active, language), TextKeys.NothingToRestart, cancellationToken),
            _ => Say(language, TextKeys.NotUnderstood),
        };
    }

    private Task<TurnResult> WithActiveFlowAsync(UserTurn turn, Func<FlowSession, Decision> act, string otherwiseKey, CancellationToken cancellationToken) =>
        UpdateSessionAsync(turn, s => FlowTurns.Active(_engine, s) is { } active
            ? act(active)
            : Decision.Keep(TurnResult.Say(_replies.Text(turn.Language, otherwiseKey))), cancellationToken);

    private Task<TurnResult> UpdateSessionAsync(UserTurn turn, Func<UserSession?, Decision> decide, CancellationToken cancellationToken) =>
        _store.UpdateAsync(StateKeys.Session(turn.Scope.TenantId, turn.Scope.ConversationId, turn.UserId), CoachingJsonContext.Default.UserSession, decide, cancellationToken);

    private Task<TurnResult> Unknown(Language language, bool canReplaceCard) => Task.FromResult(canReplaceCard
        ? new TurnResult([], Notice: _replies.Notice(language, TextKeys.UnknownCardAction))
        : TurnResult.Say(_replies.Text(language, TextKeys.UnknownCardAction)));

    private Task<TurnResult> Say(Language language, string key, IReadOnlyDictionary<string, string>? args = null) =>
        Task.FromResult(TurnResult.Say(_replies.Text(language, key, args)));

    private Dictionary<string, string> MaxArgs() => new() { ["max"] = _maxMessageLength.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    public string TurnFailedText(string? locale) => _content.Strings.Get(Languages.FromLocale(locale), TextKeys.TurnFailed);
}
