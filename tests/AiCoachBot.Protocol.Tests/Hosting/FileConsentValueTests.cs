using System.Text.Json.Nodes;
using AiCoachBot.Protocol.Hosting;

namespace AiCoachBot.Protocol.Tests.Hosting;

public sealed class FileConsentValueTests
{
    [Fact]
    public void TryRead_Accept_ReadsTheUploadUrl()
    {
        var value = JsonNode.Parse("""
            {"type":"fileUpload","action":"accept","context":{"exportId":"x-42"},
             "uploadInfo":{"name":"retro.md","uploadUrl":"https://contoso.sharepoint.com/upload?tempauth=t","contentUrl":"https://contoso.sharepoint.com/retro.md","uniqueId":"u-1","fileType":"md"}}
            """);

        Assert.True(FileConsentValue.TryRead(value, out var response, out var problem));

        Assert.Null(problem);
        Assert.True(response.Accepted);
        Assert.Equal(new Uri("https://contoso.sharepoint.com/upload?tempauth=t"), response.UploadInfo!.UploadUri);
    }

    [Theory]
    [InlineData("""{"type":"fileUpload","action":"decline","context":{"exportId":"x-42"}}""")]
    [InlineData("""{"type":"fileUpload","action":"decline"}""")]
    [InlineData("""{"action":"decline","uploadInfo":null}""")]
    public void TryRead_DeclineWithoutUploadInfo_Accepted(string json)
    {
        Assert.True(FileConsentValue.TryRead(JsonNode.Parse(json), out var response, out _));

        Assert.False(response.Accepted);
    }

    [Theory]
    [InlineData("""{"action":"accept","uploadInfo":{"uploadUrl":"http://contoso.sharepoint.com/upload"}}""")]
    [InlineData("""{"action":"accept","uploadInfo":{"uploadUrl":"https://evil.example/upload"}}""")]
    public void TryRead_AbsoluteHttpUploadUrlOnAnyHost_LeftToTheUploadersPolicy(string json) =>
        Assert.True(FileConsentValue.TryRead(JsonNode.Parse(json), out _, out _));

    [Theory]
    [InlineData("\"accept\"", "not an object")]
    [InlineData("""[{"action":"accept"}]""", "not an object")]
    [InlineData("""{"type":"fileUpload"}""", "value.action is required")]
    [InlineData("""{"action":null}""", "value.action is required")]
    [InlineData("""{"action":"Accept","uploadInfo":{"uploadUrl":"https://contoso.sharepoint.com/u"}}""", "'accept' or 'decline'")]
    [InlineData("""{"action":"cancel"}""", "'accept' or 'decline'")]
    [InlineData("""{"action":5}""", "wrong type")]
    [InlineData("""{"action":"accept","uploadInfo":"https://contoso.sharepoint.com/u"}""", "wrong type")]
    [InlineData("""{"action":"accept","uploadInfo":{"uploadUrl":42}}""", "wrong type")]
    [InlineData("""{"action":"accept"}""", "value.uploadInfo is required")]
    [InlineData("""{"action":"accept","uploadInfo":{"name":"retro.md"}}""", "uploadUrl must be an absolute http(s) URL")]
    [InlineData("""{"action":"accept","uploadInfo":{"uploadUrl":"/upload"}}""", "uploadUrl must be an absolute http(s) URL")]
    [InlineData("""{"action":"accept","uploadInfo":{"uploadUrl":"file:///etc/passwd"}}""", "uploadUrl must be an absolute http(s) URL")]
    public void TryRead_Malformed_FalseWithAProblemThatSaysWhat(string json, string expected)
    {
        Assert.False(FileConsentValue.TryRead(JsonNode.Parse(json), out var response, out var problem));

        Assert.Null(response);
        Assert.Contains(expected, problem);
    }

    [Fact]
    public void TryRead_NoValue_False() =>
        Assert.False(FileConsentValue.TryRead(null, out _, out _));
}
