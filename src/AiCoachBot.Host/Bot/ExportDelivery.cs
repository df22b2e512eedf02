using System.Text;
using System.Text.Json.Nodes;
using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Conversation;
using AiCoachBot.Protocol.Files;
using AiCoachBot.Protocol.Hosting;
using AiCoachBot.Protocol.Schema;
using Microsoft.Extensions.Options;

namespace AiCoachBot.Host.Bot;

/// <summary>
/// Hands an exported document over: in a personal chat as a file the user accepts (Teams' file consent),
/// elsewhere, or when the upload fails, as Markdown messages in the chat.
/// </summary>
public sealed class ExportDelivery(CoachingService coach, IFileUploader uploader, IOptions<ExportOptions> options, ILogger<ExportDelivery> logger)
{
    public async Task SendAsync(TurnContext turn, ExportDocument document, CancellationToken cancellationToken)
    {
        if (options.Value.SendAsFile && ActivityMapping.Scope(turn.Activity).Kind == ConversationKind.Personal)
        {
            var size = Encoding.UTF8.GetByteCount(document.Markdown);
            await turn.SendAsync(Activity.Message(attachments: [Attachment.FileConsent(document.FileName, document.Description, size, document.Reference)]), cancellationToken);
            return;
        }
        await SendAsMessagesAsync(turn, document, intro: null, cancellationToken);
    }

    /// <summary>The user answered the file offer. The document is built again: the offer only carried a reference to it.</summary>
    public async Task OnAnswerAsync(TurnContext turn, FileConsentResponse answer, CancellationToken cancellationToken)
    {
        var locale = ActivityMapping.Locale(turn.Activity);
        if (!answer.Accepted)
        {
            await SayAsync(turn, coach.Text(locale, TextKeys.ExportDeclined), cancellationToken);
            return;
        }
        var document = answer.Context is JsonObject reference ? await coach.ExportAgainAsync(ActivityMapping.Turn(turn.Activity, null), reference, cancellationToken) : null;
        if (document is null)
        {
            await SayAsync(turn, coach.Text(locale, TextKeys.ExportExpired), cancellationToken);
            return;
        }
        var outcome = await uploader.UploadAsync(answer.UploadInfo!.UploadUri!, Encoding.UTF8.GetBytes(document.Markdown), cancellationToken);
        if (outcome is UploadOutcome.Uploaded)
        {
            await turn.SendAsync(Activity.Message(coach.Text(locale, TextKeys.ExportFileSent), [Attachment.FileInfo(answer.UploadInfo)]), cancellationToken);
            return;
        }
        BotLog.ExportUploadFailed(logger, outcome.GetType().Name, (int?)(outcome as UploadOutcome.Failed)?.Status);
        await SendAsMessagesAsync(turn, document, coach.Text(locale, TextKeys.ExportUploadFailed), cancellationToken);
    }

    private static async Task SendAsMessagesAsync(TurnContext turn, ExportDocument document, string? intro, CancellationToken cancellationToken)
    {
        foreach (var part in DocumentMessages.For(document, intro)) await turn.SendAsync(part, cancellationToken);
    }

    private static Task SayAsync(TurnContext turn, string text, CancellationToken cancellationToken) =>
        turn.SendAsync(Activity.Message(text) with { TextFormat = "markdown" }, cancellationToken);
}
