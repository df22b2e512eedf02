using AiCoachBot.Coaching.State;

namespace AiCoachBot.Coaching.Conversation;

/// <summary>The last step of recording a finished run: clear its pending mark, unless a newer run replaced it.</summary>
public static class PendingRuns
{
    public static Task ForgetAsync(IDocumentStore store, UserTurn turn, string runId, CancellationToken cancellationToken) =>
        store.UpdateAsync(turn.SessionKey, CoachingJsonContext.Default.UserSession, session =>
            session?.Pending?.RunId != runId ? Change<UserSession, bool>.Keep(false)
            : session.ActiveFlow is null ? Change<UserSession, bool>.Delete(true)
            : Change<UserSession, bool>.Save(session with { Pending = null }, true), cancellationToken);
}
