using System.Text.Json.Nodes;
using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Conversation;
using AiCoachBot.Host.Hosting;
using AiCoachBot.Protocol.Connector;
using Microsoft.Extensions.Options;
using AiCoachBot.Protocol.Hosting;
using AiCoachBot.Protocol.Schema;

namespace AiCoachBot.Host.Bot;

/// <summary>Connects the Teams protocol to the coach: activity in, coaching decision, replies out.</summary>
public sealed class CoachingBot(
    CoachingService coach, ExportDelivery exports, IConnectorClient connector, LaterWorkQueue later, IOptions<TenantOptions> tenants, ILogger<CoachingBot> logger) : ActivityHandler
{
    protected override bool Admits(Activity activity) => tenants.Value.Admits(activity.Conversation?.TenantId ?? activity.ChannelData?.Tenant?.Id);

    /// <summary>Another organisation's activity: a polite answer where one is expected, and nothing stored.</summary>
    protected override async Task<InvokeResponse?> OnRefusedAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        BotLog.TenantRefused(logger, activity.Type);
        var refusal = coach.Text(ActivityMapping.Locale(activity), TextKeys.TenantRefused);
        if (activity.Type == ActivityTypes.Invoke)
            return activity.Name == AdaptiveCardActionInvoke ? InvokeResponse.Of(AdaptiveCardInvokeResponse.Message(refusal)) : InvokeResponse.Empty;
        if (activity.Type == ActivityTypes.Message || (activity.Type == ActivityTypes.ConversationUpdate && activity.MembersAdded?.Any(m => m?.Id == activity.Recipient?.Id) == true))
        {
            try { await turn.SendAsync(Activity.Message(refusal), cancellationToken); }
            catch (Exception ex) when (ex is ConnectorException or HttpRequestException or UntrustedServiceUrlException) { BotLog.ApologyFailed(logger, ex); }
        }
        return null;
    }

    protected override async Task OnMessageAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var value = turn.Activity.Value as JsonObject;
        if (turn.Activity.Value is not null && value is null)
        {
            // A value that is not an object was not sent by any of our cards.
            await SendAllAsync(turn, await coach.OnMessageAsync(ActivityMapping.Turn(turn.Activity, [], verb: null), cancellationToken), cancellationToken);
            return;
        }
        var result = await coach.OnMessageAsync(ActivityMapping.Turn(turn.Activity, value), cancellationToken);
        if (result.ReplaceCard is { } card && turn.Activity.ReplyToId is { } cardActivityId)
            await ReplaceCardAsync(turn, cardActivityId, card, cancellationToken);
        await SendAllAsync(turn, result, cancellationToken);
        if (result.Later is { } work) later.Run(result.LaterKey, work, UpdateSharedCardsAsync);
    }

    protected override async Task OnBotInstalledAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        var result = await coach.OnInstalledAsync(ActivityMapping.Scope(activity), activity.From?.Name, ActivityMapping.Locale(activity), cancellationToken);
        foreach (var message in result.Messages)
            await turn.SendToConversationAsync(ActivityMapping.ToActivity(message), cancellationToken);
    }

    protected override async Task<AdaptiveCardInvokeResponse> OnAdaptiveCardActionAsync(TurnContext turn, AdaptiveCardAction action, CancellationToken cancellationToken)
    {
        var result = await coach.OnCardActionAsync(ActivityMapping.Turn(turn.Activity, action.Data, action.Verb), cancellationToken);
        await SendAllAsync(turn, result, cancellationToken);
        if (result.Later is { } work) later.Run(result.LaterKey, work, UpdateSharedCardsAsync);
        return result.ReplaceCard is { } card
            ? AdaptiveCardInvokeResponse.Card(card)
            : AdaptiveCardInvokeResponse.Message(result.Notice ?? "");
    }

    public override async Task<InvokeResponse?> OnTurnErrorAsync(TurnContext turn, Exception exception, CancellationToken cancellationToken)
    {
        var apology = coach.Text(ActivityMapping.Locale(turn.Activity), TextKeys.TurnFailed);
        if (turn.Activity.Type == ActivityTypes.Invoke)
            return InvokeResponse.Of(AdaptiveCardInvokeResponse.Error(500, "InternalError", apology));
        if (turn.Activity.Type == ActivityTypes.Message)
        {
            try { await turn.SendAsync(Activity.Message(apology), cancellationToken); }
            catch (Exception ex) when (ex is ConnectorException or HttpRequestException or UntrustedServiceUrlException) { BotLog.ApologyFailed(logger, ex); }
        }
        return null;
    }

    protected override Task OnFeedbackAsync(TurnContext turn, MessageFeedback feedback, CancellationToken cancellationToken) =>
        coach.OnFeedbackAsync(ActivityMapping.Turn(turn.Activity, null), feedback.ActivityId, feedback.Reaction, feedback.Comment, cancellationToken);

    protected override Task OnFileConsentAsync(TurnContext turn, FileConsentResponse response, CancellationToken cancellationToken) =>
        exports.OnAnswerAsync(turn, response, cancellationToken);

    private async Task SendAllAsync(TurnContext turn, TurnResult result, CancellationToken cancellationToken)
    {
        foreach (var message in result.Messages)
        {
            if (message.Document is { } document) await exports.SendAsync(turn, document, cancellationToken);
            else
            {
                var posted = await turn.SendAsync(ActivityMapping.ToActivity(message), cancellationToken);
                if (message.Answer is { } answer && posted.Id is { Length: > 0 } activityId)
                    await coach.OnAnswerPostedAsync(ActivityMapping.Turn(turn.Activity, null), answer.Record, activityId, cancellationToken);
                if (message.Track is { } track && posted.Id is { Length: > 0 } cardId)
                    await coach.OnCardPostedAsync(ActivityMapping.Turn(turn.Activity, null), track, cardId, cancellationToken);
            }
        }
    }

    /// <summary>
    /// Cards posted earlier that everyone sees (a retro's live card), updated after the change a turn made.
    /// Cosmetic like <see cref="ReplaceCardAsync"/>: the change is stored whether or not Teams takes the update.
    /// </summary>
    private async Task UpdateSharedCardsAsync(IReadOnlyList<CardUpdate> updates, CancellationToken cancellationToken)
    {
        foreach (var update in updates)
        {
            var activity = Activity.Message(attachments: [Attachment.AdaptiveCard(update.Card)]) with
            {
                Id = update.ActivityId,
                Conversation = new ConversationAccount { Id = update.ConversationId },
            };
            try { await connector.UpdateActivityAsync(update.ServiceUrl, update.ConversationId, update.ActivityId, activity, cancellationToken); }
            catch (ConnectorException ex) { BotLog.SharedCardUpdateFailed(logger, (int)ex.Status, ex.Code); }
            catch (Exception ex) when (ex is HttpRequestException or UntrustedServiceUrlException) { BotLog.SharedCardUpdateFailed(logger, 0, ex.GetType().Name); }
        }
    }

    /// <summary>Marks an answered card as answered. Cosmetic: if Teams refuses, the conversation goes on.</summary>
    private async Task ReplaceCardAsync(TurnContext turn, string activityId, JsonObject card, CancellationToken cancellationToken)
    {
        try { await turn.UpdateAsync(activityId, Activity.Message(attachments: [Attachment.AdaptiveCard(card)]), cancellationToken); }
        catch (ConnectorException ex) { BotLog.CardUpdateFailed(logger, (int)ex.Status, ex.Code); }
        catch (Exception ex) when (ex is HttpRequestException or UntrustedServiceUrlException) { BotLog.CardUpdateFailed(logger, 0, ex.GetType().Name); }
    }
}
