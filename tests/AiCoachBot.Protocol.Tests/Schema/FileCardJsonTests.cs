using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AiCoachBot.Protocol.Schema;

namespace AiCoachBot.Protocol.Tests.Schema;

/// <summary>The file consent flow's JSON, against the shapes in the Teams "send and receive files" documentation.</summary>
public sealed class FileCardJsonTests
{
    [Fact]
    public void FileConsent_Serialized_IsTheDocumentedConsentCardWithTheContextOnBothAnswers()
    {
        var attachment = Attachment.FileConsent("file_example.txt", "Your retro, as Markdown", 1029393, new JsonObject { ["exportId"] = "x-42" });

        var written = WrittenAttachment(attachment);

        var documented = JsonNode.Parse("""
            {
              "contentType": "application/vnd.microsoft.teams.card.file.consent",
              "name": "file_example.txt",
              "content": {
                "description": "Your retro, as Markdown",
                "sizeInBytes": 1029393,
                "acceptContext": { "exportId": "x-42" },
                "declineContext": { "exportId": "x-42" }
              }
            }
            """);
        Assert.True(JsonNode.DeepEquals(documented, written), $"Not the documented consent card:\n{written}");
    }

    [Fact]
    public void FileInfo_Serialized_IsTheDocumentedFileCard()
    {
        var attachment = Attachment.FileInfo(
            "file_example.txt",
            "https://contoso.sharepoint.com/personal/johnadams_contoso_com/Documents/Applications/file_example.txt",
            "1150D938-8870-4044-9F2C-5BBDEBA70C8C",
            "txt");

        var written = WrittenAttachment(attachment);

        var documented = JsonNode.Parse("""
            {
              "contentType": "application/vnd.microsoft.teams.card.file.info",
              "contentUrl": "https://contoso.sharepoint.com/personal/johnadams_contoso_com/Documents/Applications/file_example.txt",
              "name": "file_example.txt",
              "content": { "uniqueId": "1150D938-8870-4044-9F2C-5BBDEBA70C8C", "fileType": "txt" }
            }
            """);
        Assert.True(JsonNode.DeepEquals(documented, written), $"Not the documented file card:\n{written}");
    }

    [Fact]
    public void FileInfo_FromTheAcceptedUploadInfo_SameCardAsFromItsFields()
    {
        var uploadInfo = AcceptedValue().UploadInfo!;

        var fromUploadInfo = WrittenAttachment(Attachment.FileInfo(uploadInfo));
        var fromFields = WrittenAttachment(Attachment.FileInfo(uploadInfo.Name!, uploadInfo.ContentUrl!, uploadInfo.UniqueId!, uploadInfo.FileType!));

        Assert.True(JsonNode.DeepEquals(fromFields, fromUploadInfo), $"{fromFields}\n---\n{fromUploadInfo}");
        Assert.Null(fromUploadInfo["uploadUrl"]);
        Assert.DoesNotContain("tempauth", fromUploadInfo.ToJsonString());
    }

    [Fact]
    public void FileConsentResponse_AcceptedInvokeValue_ReadsActionContextAndUploadInfo()
    {
        var value = AcceptedValue();

        Assert.Equal(FileConsentResponse.FileUploadType, value.Type);
        Assert.Equal(FileConsentResponse.Accept, value.Action);
        Assert.True(value.Accepted);
        Assert.Equal("x-42", (string?)value.Context!["exportId"]);
        var uploadInfo = value.UploadInfo!;
        Assert.Equal("file_example.txt", uploadInfo.Name);
        Assert.Equal("1150D938-8870-4044-9F2C-5BBDEBA70C8C", uploadInfo.UniqueId);
        Assert.Equal("txt", uploadInfo.FileType);
        Assert.StartsWith("https://contoso.sharepoint.com/personal/johnadams_contoso_com/Documents/", uploadInfo.ContentUrl);
        Assert.Equal("contoso.sharepoint.com", uploadInfo.UploadUri!.Host);
        Assert.Contains("tempauth=eyJ0eXAi", uploadInfo.UploadUri.Query);
        Assert.Equal("123", uploadInfo.Extra!["etag"].GetString());
    }

    [Fact]
    public void FileConsentResponse_DeclinedInvokeValue_NoUploadInfo()
    {
        var value = Value(TeamsSamples.FileConsentDeclinedInvoke);

        Assert.Equal(FileConsentResponse.Decline, value.Action);
        Assert.False(value.Accepted);
        Assert.Null(value.UploadInfo);
        Assert.Equal("x-42", (string?)value.Context!["exportId"]);
    }

    [Theory]
    [InlineData(TeamsSamples.FileConsentAcceptedInvoke)]
    [InlineData(TeamsSamples.FileConsentDeclinedInvoke)]
    public void FileConsentResponse_AfterDeserialize_WritesBackEveryFieldOfTheValue(string invoke)
    {
        var original = Parse(invoke).Value!;

        var written = JsonSerializer.SerializeToNode(Value(invoke), ProtocolJsonContext.Default.FileConsentResponse);

        Assert.True(JsonNode.DeepEquals(original, written), $"Round trip changed the value:\n{original}\n---\n{written}");
    }

    [Theory]
    [InlineData("/relative/upload")]
    [InlineData("not a url")]
    [InlineData("ftp://contoso.sharepoint.com/upload")]
    [InlineData("file:///etc/passwd")]
    [InlineData("")]
    [InlineData(null)]
    public void UploadUri_NotAnAbsoluteHttpUrl_Null(string? uploadUrl) =>
        Assert.Null(new FileUploadInfo { UploadUrl = uploadUrl }.UploadUri);

    private static FileConsentResponse AcceptedValue() => Value(TeamsSamples.FileConsentAcceptedInvoke);

    private static FileConsentResponse Value(string invoke) =>
        Parse(invoke).Value.Deserialize(ProtocolJsonContext.Default.FileConsentResponse)!;

    private static Activity Parse(string json) => ProtocolJson.DeserializeActivity(Encoding.UTF8.GetBytes(json))!;

    private static JsonNode WrittenAttachment(Attachment attachment) =>
        JsonNode.Parse(ProtocolJson.Serialize(Activity.Message(attachments: [attachment])))!["attachments"]![0]!;
}
