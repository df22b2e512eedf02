using System.Text;
using System.Text.Json.Nodes;
using AiCoachBot.Protocol.Hosting;
using AiCoachBot.Protocol.Schema;
using AiCoachBot.Protocol.Tests.Support;

namespace AiCoachBot.Protocol.Tests.Hosting;

public sealed class ActivityHandlerTests
{
    private const string BotId = "28:6f1c2b8e-3a4d-4e5f-9a0b-1c2d3e4f5a6b";
    private readonly RecordingHandler _handler = new();

    [Fact]
    public async Task OnTurnAsync_Message_CallsOnMessageAndAnswersPlain200()
    {
        var response = await Turn(Activity("""{"type":"message","text":"hi"}"""));

        Assert.Equal(["message"], _handler.Calls);
        Assert.Null(response);
    }

    [Theory]
    [InlineData("""[{"id":"28:6f1c2b8e-3a4d-4e5f-9a0b-1c2d3e4f5a6b"}]""")]
    [InlineData("""[{"id":"29:someone"},{"id":"28:6f1c2b8e-3a4d-4e5f-9a0b-1c2d3e4f5a6b"}]""")]
    public async Task OnTurnAsync_ConversationUpdateAddingTheBot_CallsOnBotInstalled(string membersAdded)
    {
        var response = await Turn(Activity($$"""{"type":"conversationUpdate","membersAdded":{{membersAdded}}}"""));

        Assert.Equal(["installed"], _handler.Calls);
        Assert.Null(response);
    }

    [Theory]
    [InlineData("""{"type":"conversationUpdate","membersAdded":[{"id":"29:someone"}]}""")]
    [InlineData("""{"type":"conversationUpdate","membersAdded":[{"id":"28:6F1C2B8E-3A4D-4E5F-9A0B-1C2D3E4F5A6B"}]}""")]
    [InlineData("""{"type":"conversationUpdate","membersAdded":[{"name":"no id"}]}""")]
    [InlineData("""{"type":"conversationUpdate","membersRemoved":[{"id":"28:6f1c2b8e-3a4d-4e5f-9a0b-1c2d3e4f5a6b"}]}""")]
    [InlineData("""{"type":"conversationUpdate","channelData":{"eventType":"channelRenamed"}}""")]
    public async Task OnTurnAsync_ConversationUpdateNotAddingTheBot_Ignored(string json)
    {
        var response = await Turn(Activity(json));

        Assert.Empty(_handler.Calls);
        Assert.Null(response);
    }

    [Fact]
    public async Task OnTurnAsync_ConversationUpdateWithoutRecipient_NotMistakenForAnInstall()
    {
        var response = await Turn(Activity("""{"type":"conversationUpdate","membersAdded":[{"name":"no id"}]}""") with { Recipient = null });

        Assert.Empty(_handler.Calls);
        Assert.Null(response);
    }

    [Theory]
    [InlineData("add")]
    [InlineData("add-upgrade")]
    public async Task OnTurnAsync_InstallationUpdateAdd_CallsOnBotInstalled(string action)
    {
        var response = await Turn(Activity($$"""{"type":"installationUpdate","action":"{{action}}"}"""));

        Assert.Equal(["installed"], _handler.Calls);
        Assert.Null(response);
    }

    [Theory]
    [InlineData("remove")]
    [InlineData("remove-upgrade")]
    [InlineData(null)]
    public async Task OnTurnAsync_InstallationUpdateOtherThanAdd_Ignored(string? action)
    {
        var response = await Turn(Activity("""{"type":"installationUpdate"}""") with { Action = action });

        Assert.Empty(_handler.Calls);
        Assert.Null(response);
    }

    [Fact]
    public async Task OnTurnAsync_ActionExecuteInvoke_Answers200WithTheHandlersCardResponse()
    {
        var invoke = Activity("""
            {"type":"invoke","name":"adaptiveCard/action",
             "value":{"action":{"type":"Action.Execute","verb":"saveRetro","data":{"retroId":"r-42"}}}}
            """);

        var response = await Turn(invoke);

        Assert.Equal(["card:saveRetro:r-42"], _handler.Calls);
        Assert.NotNull(response);
        Assert.Equal(200, response.Status);
        Assert.Equal(200, (int)response.Body!["statusCode"]!);
        Assert.Equal(AdaptiveCardInvokeResponse.MessageType, (string?)response.Body["type"]);
        Assert.Equal("Saved", (string?)response.Body["value"]);
    }

    [Theory]
    [InlineData("""{"type":"invoke","name":"adaptiveCard/action"}""")]
    [InlineData("""{"type":"invoke","name":"adaptiveCard/action","value":{"action":{"type":"Action.Submit"}}}""")]
    [InlineData("""{"type":"invoke","name":"adaptiveCard/action","value":"Action.Execute"}""")]
    public async Task OnTurnAsync_ActionExecuteInvokeWithMalformedValue_Answers400ErrorBodyWithoutCallingTheHandler(string json)
    {
        var response = await Turn(Activity(json));

        Assert.Empty(_handler.Calls);
        Assert.NotNull(response);
        Assert.Equal(400, response.Status);
        Assert.Equal(400, (int)response.Body!["statusCode"]!);
        Assert.Equal("application/vnd.microsoft.error", (string?)response.Body["type"]);
        Assert.NotNull(response.Body["value"]!["code"]);
    }

    [Fact]
    public async Task OnTurnAsync_FileConsentAccepted_CallsOnFileConsentWithTheUploadInfoAndAnswers200WithEmptyBody()
    {
        var invoke = Activity("""
            {"type":"invoke","name":"fileConsent/invoke",
             "value":{"type":"fileUpload","action":"accept","context":{"exportId":"x-42"},
                      "uploadInfo":{"name":"retro.md","uploadUrl":"https://contoso.sharepoint.com/upload","contentUrl":"https://contoso.sharepoint.com/retro.md","uniqueId":"u-1","fileType":"md"}}}
            """);

        var response = await Turn(invoke);

        Assert.Equal(["file:accept:x-42:https://contoso.sharepoint.com/upload"], _handler.Calls);
        Assert.Equal(InvokeResponse.Empty, response);
        Assert.Equal(200, response!.Status);
        Assert.Null(response.Body);
    }

    [Fact]
    public async Task OnTurnAsync_FileConsentDeclined_CallsOnFileConsentAndAnswers200WithEmptyBody()
    {
        var invoke = Activity("""{"type":"invoke","name":"fileConsent/invoke","value":{"type":"fileUpload","action":"decline","context":{"exportId":"x-42"}}}""");

        var response = await Turn(invoke);

        Assert.Equal(["file:decline:x-42:"], _handler.Calls);
        Assert.Equal(InvokeResponse.Empty, response);
    }

    [Theory]
    [InlineData("""{"type":"invoke","name":"fileConsent/invoke"}""")]
    [InlineData("""{"type":"invoke","name":"fileConsent/invoke","value":"accept"}""")]
    [InlineData("""{"type":"invoke","name":"fileConsent/invoke","value":{"type":"fileUpload"}}""")]
    [InlineData("""{"type":"invoke","name":"fileConsent/invoke","value":{"action":"maybe"}}""")]
    [InlineData("""{"type":"invoke","name":"fileConsent/invoke","value":{"action":"accept"}}""")]
    [InlineData("""{"type":"invoke","name":"fileConsent/invoke","value":{"action":"accept","uploadInfo":{"name":"retro.md"}}}""")]
    [InlineData("""{"type":"invoke","name":"fileConsent/invoke","value":{"action":"accept","uploadInfo":{"uploadUrl":{"href":"x"}}}}""")]
    public async Task OnTurnAsync_FileConsentWithMalformedValue_Answers400ErrorBodyWithoutCallingTheHandler(string json)
    {
        var response = await Turn(Activity(json));

        Assert.Empty(_handler.Calls);
        Assert.NotNull(response);
        Assert.Equal(400, response.Status);
        Assert.Equal(400, (int)response.Body!["statusCode"]!);
        Assert.Equal(AdaptiveCardInvokeResponse.ErrorType, (string?)response.Body["type"]);
        Assert.Equal("BadRequest", (string?)response.Body["value"]!["code"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)response.Body["value"]!["message"]));
    }

    [Fact]
    public async Task OnTurnAsync_FileConsentOnAHandlerThatIgnoresFiles_Answers200WithEmptyBody()
    {
        var invoke = Activity("""{"type":"invoke","name":"fileConsent/invoke","value":{"type":"fileUpload","action":"decline"}}""");

        var response = await new FilelessHandler().OnTurnAsync(new TurnContext(invoke, new RecordingConnectorClient(), TypingIndicator.None), default);

        Assert.Equal(InvokeResponse.Empty, response);
    }

    [Fact]
    public async Task OnTurnAsync_FeedbackInvoke_ReachesTheHandler_AndAnswers200WithEmptyBody()
    {
        var response = await Turn(Activity("""
            {"type":"invoke","name":"message/submitAction","replyToId":"1:answer",
             "value":{"actionName":"feedback","actionValue":{"reaction":"dislike","feedback":"{\"feedbackText\":\"too vague\"}"}}}
            """));

        Assert.Equal(["feedback:1:answer:dislike:too vague"], _handler.Calls);
        Assert.Equal(InvokeResponse.Empty, response);
    }

    [Theory]
    [InlineData("""{"actionName":"feedback","actionValue":{"reaction":"love"}}""")]
    [InlineData("""{"actionName":"other","actionValue":{"reaction":"like"}}""")]
    [InlineData("""{"actionName":"feedback","actionValue":"like"}""")]
    [InlineData("""[1,2]""")]
    public async Task OnTurnAsync_MalformedFeedbackInvoke_Answers400_AndReachesNothing(string value)
    {
        var response = await Turn(Activity($$"""{"type":"invoke","name":"message/submitAction","replyToId":"1:answer","value":{{value}} }"""));

        Assert.Empty(_handler.Calls);
        Assert.Equal(400, response!.Status);
    }

    [Fact]
    public async Task OnTurnAsync_FeedbackInvokeWithoutReplyToId_Answers400()
    {
        var response = await Turn(Activity("""{"type":"invoke","name":"message/submitAction","value":{"actionName":"feedback","actionValue":{"reaction":"like"}}}"""));

        Assert.Empty(_handler.Calls);
        Assert.Equal(400, response!.Status);
    }

    [Theory]
    [InlineData("task/fetch")]
    [InlineData("signin/verifyState")]
    public async Task OnTurnAsync_OtherInvoke_Answers200WithEmptyBody(string name)
    {
        var response = await Turn(Activity($$"""{"type":"invoke","name":"{{name}}","value":{} }"""));

        Assert.Empty(_handler.Calls);
        Assert.Equal(InvokeResponse.Empty, response);
        Assert.Equal(200, response!.Status);
        Assert.Null(response.Body);
    }

    [Theory]
    [InlineData("messageReaction")]
    [InlineData("event")]
    [InlineData("typing")]
    [InlineData("somethingNew")]
    public async Task OnTurnAsync_UnknownOrUnhandledType_IgnoredWithPlain200(string type)
    {
        var response = await Turn(Activity($$"""{"type":"{{type}}"}"""));

        Assert.Empty(_handler.Calls);
        Assert.Null(response);
    }

    [Fact]
    public async Task OnTurnErrorAsync_FailedInvoke_AnswersAnErrorBodyInsteadOfA500()
    {
        var turn = new TurnContext(Activity("""{"type":"invoke","name":"adaptiveCard/action"}"""), new RecordingConnectorClient(), TypingIndicator.None);

        var response = await _handler.OnTurnErrorAsync(turn, new InvalidOperationException("boom"), default);

        Assert.NotNull(response);
        Assert.Equal(200, response.Status);
        Assert.Equal(500, (int)response.Body!["statusCode"]!);
        Assert.Equal(AdaptiveCardInvokeResponse.ErrorType, (string?)response.Body["type"]);
    }

    [Fact]
    public async Task OnTurnErrorAsync_FailedMessage_NoBody()
    {
        var turn = new TurnContext(Activity("""{"type":"message"}"""), new RecordingConnectorClient(), TypingIndicator.None);

        Assert.Null(await _handler.OnTurnErrorAsync(turn, new InvalidOperationException("boom"), default));
    }

    private Task<InvokeResponse?> Turn(Activity activity) =>
        _handler.OnTurnAsync(new TurnContext(activity, new RecordingConnectorClient(), TypingIndicator.None), default);

    /// <summary>Every activity here comes from Teams to our bot in a personal chat.</summary>
    private static Activity Activity(string json)
    {
        var activity = ProtocolJson.DeserializeActivity(Encoding.UTF8.GetBytes(json))!;
        return activity with
        {
            ChannelId = "msteams",
            ServiceUrl = "https://smba.trafficmanager.net/amer/",
            Conversation = new ConversationAccount { Id = "a:1" },
            From = new ChannelAccount { Id = "29:someone" },
            Recipient = new ChannelAccount { Id = BotId },
        };
    }

    private sealed class RecordingHandler : ActivityHandler
    {
        public List<string> Calls { get; } = [];

        protected override Task OnMessageAsync(TurnContext turn, CancellationToken cancellationToken)
        {
            Calls.Add("message");
            return Task.CompletedTask;
        }

        protected override Task OnBotInstalledAsync(TurnContext turn, CancellationToken cancellationToken)
        {
            Calls.Add("installed");
            return Task.CompletedTask;
        }

        protected override Task<AdaptiveCardInvokeResponse> OnAdaptiveCardActionAsync(TurnContext turn, AdaptiveCardAction action, CancellationToken cancellationToken)
        {
            Calls.Add($"card:{action.Verb}:{(string?)action.Data["retroId"]}");
            return Task.FromResult(AdaptiveCardInvokeResponse.Message("Saved"));
        }

        protected override Task OnFeedbackAsync(TurnContext turn, MessageFeedback feedback, CancellationToken cancellationToken)
        {
            Calls.Add($"feedback:{feedback.ActivityId}:{feedback.Reaction}:{feedback.Comment}");
            return Task.CompletedTask;
        }

        protected override Task OnFileConsentAsync(TurnContext turn, FileConsentResponse response, CancellationToken cancellationToken)
        {
            Calls.Add($"file:{response.Action}:{(string?)response.Context?["exportId"]}:{response.UploadInfo?.UploadUri}");
            return Task.CompletedTask;
        }
    }

    /// <summary>Overrides only what it must.</summary>
    private sealed class FilelessHandler : ActivityHandler
    {
        protected override Task OnMessageAsync(TurnContext turn, CancellationToken cancellationToken) => Task.CompletedTask;
        protected override Task OnBotInstalledAsync(TurnContext turn, CancellationToken cancellationToken) => Task.CompletedTask;
        protected override Task<AdaptiveCardInvokeResponse> OnAdaptiveCardActionAsync(TurnContext turn, AdaptiveCardAction action, CancellationToken cancellationToken) =>
            Task.FromResult(AdaptiveCardInvokeResponse.Message("ok"));
    }
}
