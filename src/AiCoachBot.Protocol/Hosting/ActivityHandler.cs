using System.Text.Json.Nodes;
using AiCoachBot.Protocol.Schema;

namespace AiCoachBot.Protocol.Hosting;

/// <summary>
/// Routes an activity by type to the few events a Teams bot reacts to. Anything else is acknowledged
/// and ignored. Returns the body of a synchronous invoke, or null for a plain 200.
/// </summary>
public abstract class ActivityHandler
{
    public const string AdaptiveCardActionInvoke = "adaptiveCard/action";
    public const string FileConsentInvoke = "fileConsent/invoke";

    public async Task<InvokeResponse?> OnTurnAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (!Admits(activity)) return await OnRefusedAsync(turn, cancellationToken);
        switch (activity.Type)
        {
            case ActivityTypes.Message:
                await OnMessageAsync(turn, cancellationToken);
                return null;
            case ActivityTypes.ConversationUpdate when BotWasAdded(activity):
            case ActivityTypes.InstallationUpdate when activity.Action is "add" or "add-upgrade":
                await OnBotInstalledAsync(turn, cancellationToken);
                return null;
            case ActivityTypes.Invoke when activity.Name == AdaptiveCardActionInvoke:
                return await OnAdaptiveCardInvokeAsync(turn, cancellationToken);
            case ActivityTypes.Invoke when activity.Name == FileConsentInvoke:
                return await OnFileConsentInvokeAsync(turn, cancellationToken);
            case ActivityTypes.Invoke when activity.Name == MessageFeedback.Invoke:
                if (!MessageFeedback.TryRead(activity.Value, activity.ReplyToId, out var feedback, out var problem)) return InvokeErrors.BadRequest(problem);
                await OnFeedbackAsync(turn, feedback, cancellationToken);
                // Teams shows its own thanks and rejects any body but an empty one.
                return InvokeResponse.Empty;
            case ActivityTypes.Invoke:
                return InvokeResponse.Empty;
            default:
                return null;
        }
    }

    /// <summary>Last resort when a turn throws: tell the user, and answer an invoke with an error body, never a 500.</summary>
    public virtual Task<InvokeResponse?> OnTurnErrorAsync(TurnContext turn, Exception exception, CancellationToken cancellationToken) =>
        Task.FromResult<InvokeResponse?>(turn.Activity.Type == ActivityTypes.Invoke
            ? InvokeErrors.Error(500, "InternalError", "Something went wrong.")
            : null);

    /// <summary>Whether this activity may be handled at all (a tenant allow-list, say). The default admits every one.</summary>
    protected virtual bool Admits(Activity activity) => true;

    /// <summary>An activity <see cref="Admits"/> turned away: nothing of it may be kept. The default answers nothing.</summary>
    protected virtual Task<InvokeResponse?> OnRefusedAsync(TurnContext turn, CancellationToken cancellationToken) =>
        Task.FromResult<InvokeResponse?>(turn.Activity.Type == ActivityTypes.Invoke ? InvokeResponse.Empty : null);

    protected abstract Task OnMessageAsync(TurnContext turn, CancellationToken cancellationToken);

    /// <summary>The bot was added to a personal chat, a group chat or a team (Teams may say so twice).</summary>
    protected abstract Task OnBotInstalledAsync(TurnContext turn, CancellationToken cancellationToken);

    protected abstract Task<AdaptiveCardInvokeResponse> OnAdaptiveCardActionAsync(TurnContext turn, AdaptiveCardAction action, CancellationToken cancellationToken);

    /// <summary>
    /// The user accepted (upload to <c>response.UploadInfo</c>, then show the file) or declined a file consent card.
    /// Teams only needs the 200 that follows; the default does nothing.
    /// </summary>
    protected virtual Task OnFileConsentAsync(TurnContext turn, FileConsentResponse response, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    /// <summary>Thumbs up / down on one of the bot's messages (Teams' feedback buttons). The default does nothing.</summary>
    protected virtual Task OnFeedbackAsync(TurnContext turn, MessageFeedback feedback, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    private async Task<InvokeResponse> OnAdaptiveCardInvokeAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var action = AdaptiveCardAction.Parse(turn.Activity.Value);
        if (action is null) return InvokeErrors.BadRequest("The invoke value is not an Action.Execute.");
        var response = await OnAdaptiveCardActionAsync(turn, action, cancellationToken);
        return InvokeResponse.Of(response);
    }

    private async Task<InvokeResponse> OnFileConsentInvokeAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (!FileConsentValue.TryRead(turn.Activity.Value, out var response, out var problem)) return InvokeErrors.BadRequest(problem);
        await OnFileConsentAsync(turn, response, cancellationToken);
        return InvokeResponse.Empty;
    }

    private static bool BotWasAdded(Activity activity) =>
        activity.MembersAdded?.Any(m => m?.Id is not null && m.Id == activity.Recipient?.Id) == true;
}
