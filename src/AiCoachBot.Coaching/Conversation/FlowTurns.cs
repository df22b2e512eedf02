using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Flows;
using AiCoachBot.Coaching.Localization;
using AiCoachBot.Coaching.Projects;
using AiCoachBot.Coaching.State;

namespace AiCoachBot.Coaching.Conversation;

using Decision = Change<UserSession, TurnResult>;

/// <summary>What each flow action does to a user's session, as pure decisions the caller commits.</summary>
public sealed class FlowTurns(FlowEngine engine, StepCardRenderer cards, Replies replies, CoachingContent content, TimeProvider time)
{
    public static FlowSession? Active(FlowEngine engine, UserSession? session) =>
        session?.ActiveFlow is { } flow && engine.IsResumable(flow) ? flow : null;

    /// <summary>Starts a flow, or resumes it where the user left off; a run on a project is bound to it by <paramref name="opening"/>.</summary>
    public Decision Start(UserSession? session, FlowDefinition flow, Language language, FlowOpening? opening = null)
    {
        var active = Active(engine, session);
        if (active?.FlowId == flow.Id && active.ProjectId == opening?.Project.Id)
        {
            var resumed = engine.Reissue(active);
            var welcomeBack = opening?.Resumed ?? replies.Text(language, TextKeys.FlowResumed, Title(flow, language));
            return Save(resumed, TurnResult.Say(welcomeBack, Question(resumed, language)));
        }
        var started = engine.Start(flow, time.GetUtcNow(), opening?.Guide, opening?.Known) with
        {
            ProjectId = opening?.Project.Id,
            RunId = opening is null ? null : Guid.NewGuid().ToString("N"),
        };
        var messages = new List<OutgoingMessage>();
        if (active is not null) messages.Add(replies.Text(language, TextKeys.FlowReplaced, Title(engine.Definition(active), language)));
        messages.AddRange(opening?.Intro ?? []);
        if (engine.IsFinished(started))
        {
            var done = Complete(started, language, answeredCard: null);
            return done with { Result = done.Result with { Messages = [.. messages, .. done.Result.Messages] } };
        }
        messages.Add(Question(started, language));
        return Save(started, new TurnResult(messages));
    }

    /// <summary>A typed message while a flow waits for an answer.</summary>
    public Decision TypedAnswer(FlowSession active, string text, UserTurn turn) =>
        engine.Answer(active, text, turn.Language, turn.Culture) switch
        {
            FlowProgress.Rejected r => Decision.Keep(TurnResult.Say(Error(r.Reason, turn.Language), Question(active, turn.Language))),
            FlowProgress.Asking a => Save(a.Session, TurnResult.Say(Question(a.Session, turn.Language))),
            FlowProgress.Completed c => Complete(c.Session, turn.Language, answeredCard: null),
            _ => throw new InvalidOperationException(),
        };

    /// <summary>A button of a question card. Only the card of the question being asked now is accepted.</summary>
    public Decision CardAction(UserSession? session, FlowCardData data, string? rawAnswer, UserTurn turn, bool canReplaceCard)
    {
        var language = turn.Language;
        var active = Active(engine, session);
        if (active is null || active.FlowId != data.FlowId || active.Token != data.Token || engine.CurrentStep(active).Id != data.StepId)
            return Decision.Keep(canReplaceCard ? new TurnResult([], Notice: replies.Notice(language, TextKeys.FlowStale)) : TurnResult.Say(replies.Text(language, TextKeys.FlowStale)));

        if (data.Action == FlowCardData.BackAction) return Back(active, language);

        var flow = engine.Definition(active);
        var step = engine.CurrentStep(active);
        switch (engine.Answer(active, rawAnswer, language, turn.Culture))
        {
            case FlowProgress.Rejected r when canReplaceCard:
                return Decision.Keep(new TurnResult([], ReplaceCard: cards.Question(flow, active, language, ErrorText(r.Reason, language))));
            case FlowProgress.Rejected r:
                return Decision.Keep(TurnResult.Say(Error(r.Reason, language), Question(active, language)));
            case FlowProgress.Asking a:
                return Save(a.Session, new TurnResult([Question(a.Session, language)], Answered(flow, step, a.Session, language)));
            case FlowProgress.Completed c:
                return Complete(c.Session, language, Answered(flow, step, c.Session, language));
            default:
                throw new InvalidOperationException();
        }
    }

    public Decision Back(FlowSession active, Language language)
    {
        if (engine.Back(active) is { } previous) return Save(previous, TurnResult.Say(Question(previous, language)));
        var again = engine.Reissue(active);
        return Save(again, TurnResult.Say(replies.Text(language, TextKeys.FlowAtFirst), Question(again, language)));
    }

    public Decision Restart(FlowSession active, Language language)
    {
        var restarted = engine.Restart(active, time.GetUtcNow());
        if (engine.IsFinished(restarted)) return Complete(restarted, language, answeredCard: null);
        return Save(restarted, TurnResult.Say(replies.Text(language, TextKeys.FlowRestarted, Title(engine.Definition(active), language)), Question(restarted, language)));
    }

    public Decision Cancel(FlowSession active, Language language) =>
        Decision.Delete(TurnResult.Say(replies.Text(language, TextKeys.FlowCancelled, Title(engine.Definition(active), language))));

    /// <summary>"Where was I?": a line saying so and the open question on a fresh card.</summary>
    public Decision Remind(FlowSession active, TurnResult before, Language language)
    {
        var again = engine.Reissue(active);
        var (index, count) = engine.Progress(again);
        var progress = new Dictionary<string, string>
        {
            ["title"] = engine.Definition(active).Title[language],
            ["index"] = index.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["count"] = count.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return Save(again, new TurnResult([.. before.Messages, replies.Text(language, TextKeys.FlowInProgress, progress), Question(again, language)]));
    }

    private OutgoingMessage Question(FlowSession session, Language language) =>
        OutgoingMessage.OfCard(cards.Question(engine.Definition(session), session, language));

    private OutgoingMessage Summary(FlowSession session, Language language) =>
        OutgoingMessage.OfCard(cards.Summary(engine.Definition(session), session, language));

    private System.Text.Json.Nodes.JsonObject Answered(FlowDefinition flow, StepDefinition step, FlowSession after, Language language) =>
        cards.Answered(flow, step, AnswerFormatter.Display(step, after.Answers[step.Id], language, content.Strings), language);

    private OutgoingMessage Error(ParsedAnswer reason, Language language) => OutgoingMessage.OfText(ErrorText(reason, language));

    private string ErrorText(ParsedAnswer reason, Language language) =>
        content.Strings.Format(language, reason.ErrorKey!, reason.ErrorArgs ?? new Dictionary<string, string>());

    private Decision Save(FlowSession flow, TurnResult result) => Decision.Save(new UserSession(flow, time.GetUtcNow()), result);

    /// <summary>
    /// A finished flow leaves nothing to remember, except a run on a project: its answers wait in the session
    /// until its result is recorded on the project (see <see cref="FramingRecorder"/> and <see cref="DiagnosisRecorder"/>).
    /// </summary>
    private Decision Complete(FlowSession completed, Language language, System.Text.Json.Nodes.JsonObject? answeredCard)
    {
        if (completed is { ProjectId: { } projectId, RunId: { } runId })
        {
            var pending = new PendingAssessment(projectId, runId, completed.Answers, time.GetUtcNow(), completed.FlowId, completed.Guide);
            var done = OutgoingMessage.OfText(engine.Definition(completed).Completion[language]);
            return Decision.Save(new UserSession(null, time.GetUtcNow(), pending), new TurnResult([done], answeredCard));
        }
        return Decision.Delete(new TurnResult([Summary(completed, language)], answeredCard));
    }

    private static Dictionary<string, string> Title(FlowDefinition flow, Language language) => new() { ["title"] = flow.Title[language] };
}

/// <summary>
/// How a run on a project begins: the project, what to say first, what to say when the user comes back to
/// it, and for an adaptive flow its guide and the answers known beforehand.
/// </summary>
public sealed record FlowOpening(
    Project Project,
    IReadOnlyList<OutgoingMessage> Intro,
    OutgoingMessage Resumed,
    FlowGuide? Guide = null,
    IReadOnlyDictionary<string, Answer>? Known = null);
