using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AiCoachBot.Host.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace AiCoachBot.Host.Tests.Conversation;

/// <summary>
/// "export" in a personal chat: Teams asks the user whether to accept the file, then the bot uploads it to
/// the upload URL Teams gives (a loopback OneDrive here) and posts the file card; anything else falls back to messages.
/// </summary>
public sealed class ExportFileTests : FramingTest
{
    private const string ConsentType = "application/vnd.microsoft.teams.card.file.consent";
    private const string FileInfoType = "application/vnd.microsoft.teams.card.file.info";

    private readonly List<(string Method, string? Range, string Body)> _uploads = [];
    private int _uploadStatus = 201;
    private LoopbackServer _oneDrive = null!;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["BotFiles:BaseDelay"] = "00:00:00.010",
        ["BotFiles:MaxRetries"] = "1",
    };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _oneDrive = await LoopbackServer.StartAsync(async context =>
        {
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            lock (_uploads) _uploads.Add((context.Request.Method, context.Request.Headers.ContentRange.ToString(), body));
            context.Response.StatusCode = _uploadStatus;
        });
    }

    public override async Task DisposeAsync()
    {
        await _oneDrive.DisposeAsync();
        await base.DisposeAsync();
    }

    private async Task<(ActivityBuilder Chat, JsonObject Consent)> OfferAsync()
    {
        var chat = PersonalChat();
        await AnswerAllAsync(chat, await CreateProjectAsync(chat, "Email triage"));
        var offer = await SayOneAsync(chat, "export");
        var attachment = offer.Body!["attachments"]![0]!;
        Assert.Equal(ConsentType, attachment["contentType"]!.GetValue<string>());
        Assert.Matches(@"^framing-email-triage-\d{4}-\d{2}-\d{2}\.md$", attachment["name"]!.GetValue<string>());
        return (chat, attachment.AsObject());
    }

    private JsonObject Answer(ActivityBuilder chat, JsonObject consent, string action, JsonNode? context = null) => chat.Invoke(new JsonObject
    {
        ["type"] = "fileUpload",
        ["action"] = action,
        ["context"] = context ?? consent["content"]!["acceptContext"]!.DeepClone(),
        ["uploadInfo"] = new JsonObject
        {
            ["name"] = consent["name"]!.GetValue<string>(),
            ["uploadUrl"] = new Uri(_oneDrive.BaseAddress, "upload/session-1").ToString(),
            ["contentUrl"] = "https://contoso-my.sharepoint.com/personal/ada/Documents/Applications/AiCoachBot/export.md",
            ["uniqueId"] = "1150D938-8870-4044-9F2C-5BBDEBA70C8C",
            ["fileType"] = "md",
        },
    }, name: "fileConsent/invoke");

    [Fact]
    public async Task AcceptedFile_IsUploadedWhole_AndPostedAsAFileCard()
    {
        var (chat, consent) = await OfferAsync();
        var size = consent["content"]!["sizeInBytes"]!.GetValue<long>();

        var posted = await SendAsync(chat, Answer(chat, consent, "accept"), replies: 1);

        var upload = Assert.Single(_uploads);
        Assert.Equal("PUT", upload.Method);
        Assert.Equal($"bytes 0-{size - 1}/{size}", upload.Range);
        Assert.StartsWith("# Framing assessment: Email triage", upload.Body);
        Assert.Equal(Bot.En("export.fileSent"), posted[0].Text);
        Assert.Equal(FileInfoType, posted[0].Body!["attachments"]![0]!["contentType"]!.GetValue<string>());
    }

    [Fact]
    public async Task DeclinedFile_IsNotUploaded()
    {
        var (chat, consent) = await OfferAsync();
        var posted = await SendAsync(chat, Answer(chat, consent, "decline"), replies: 1);
        Assert.Equal(Bot.En("export.declined"), posted[0].Text);
        Assert.Empty(_uploads);
    }

    [Fact]
    public async Task AFileOfferNamingSomeoneElsesProject_UploadsNothing()
    {
        var (chat, consent) = await OfferAsync();
        var stranger = PersonalChat();
        var posted = await SendAsync(stranger, Answer(stranger, consent, "accept"), replies: 1);
        Assert.Equal(Bot.En("export.expired"), posted[0].Text);

        var forged = await SendAsync(chat, Answer(chat, consent, "accept", new JsonObject { ["project"] = "../../etc/passwd", ["run"] = "x" }), replies: 1);
        Assert.Equal(Bot.En("export.expired"), forged[0].Text);
        Assert.Empty(_uploads);
    }

    [Fact]
    public async Task AFailedUpload_FallsBackToMessages()
    {
        var (chat, consent) = await OfferAsync();
        _uploadStatus = 500;

        using var response = await Bot.PostAsync(Answer(chat, consent, "accept"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var posted = await Connector.NextMessagesAsync(chat.ConversationId, Connector.UnreadMessages(chat.ConversationId).Count);

        Assert.Equal(2, _uploads.Count); // one retry
        Assert.Equal(Bot.En("export.uploadFailed"), posted[0].Text);
        Assert.StartsWith("# Framing assessment: Email triage", posted[1].Text);
    }

    [Fact]
    public async Task AMalformedFileAnswer_Gets400_AndNothingHappens()
    {
        var chat = PersonalChat();
        using var response = await Bot.PostAsync(chat.Invoke(new JsonObject { ["type"] = "fileUpload", ["action"] = "accept" }, name: "fileConsent/invoke"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(Connector.UnreadMessages(chat.ConversationId));
        Assert.Empty(_uploads);
    }
}
