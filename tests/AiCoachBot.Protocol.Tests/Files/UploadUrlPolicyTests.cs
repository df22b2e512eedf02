using AiCoachBot.Protocol.Files;

namespace AiCoachBot.Protocol.Tests.Files;

public sealed class UploadUrlPolicyTests
{
    private static readonly IReadOnlyList<string> Defaults = BotFilesOptions.DefaultUploadHostSuffixes;

    [Theory]
    [InlineData("https://contoso.sharepoint.com/personal/megan/_api/v2.0/drive/items/01ABC/uploadSession?tempauth=t")]
    [InlineData("https://contoso-my.sharepoint.com/upload")]
    [InlineData("https://CONTOSO.SharePoint.COM/upload")]
    [InlineData("https://contoso.sharepoint.com./upload")]
    [InlineData("https://sharepoint.com/upload")]
    [InlineData("https://contoso.sharepoint-df.com/upload")]
    [InlineData("https://agency.sharepoint.us/upload")]
    [InlineData("https://contoso.sharepoint.com:8443/upload")]
    public void Problem_HttpsOnAnAllowedHostOrSubdomain_None(string url) =>
        Assert.Null(UploadUrlPolicy.Problem(new Uri(url), Defaults, localMode: false));

    [Theory]
    [InlineData("http://contoso.sharepoint.com/upload", "https")]
    [InlineData("ftp://contoso.sharepoint.com/upload", "https")]
    [InlineData("file:///etc/passwd", "https")]
    [InlineData("https://evilsharepoint.com/upload", "not an allowed upload host")]
    [InlineData("https://contoso.sharepoint.com.evil.example/upload", "not an allowed upload host")]
    [InlineData("https://sharepoint.community/upload", "not an allowed upload host")]
    [InlineData("https://contoso.sharepoint.com@evil.example/upload", "user information")]
    [InlineData("https://user:password@contoso.sharepoint.com/upload", "user information")]
    [InlineData("https://20.190.151.7/upload", "not an allowed upload host")]
    [InlineData("https://[2603:1006:2000::1]/upload", "not an allowed upload host")]
    [InlineData("https://127.0.0.1/upload", "not an allowed upload host")]
    [InlineData("http://127.0.0.1:5000/upload", "https")]
    [InlineData("https://localhost/upload", "not an allowed upload host")]
    public void Problem_AnyOtherUrl_Refused(string url, string expected) =>
        Assert.Contains(expected, UploadUrlPolicy.Problem(new Uri(url), Defaults, localMode: false));

    [Fact]
    public void Problem_RelativeUrl_Refused() =>
        Assert.Contains("not absolute", UploadUrlPolicy.Problem(new Uri("/upload", UriKind.Relative), Defaults, localMode: false));

    [Theory]
    [InlineData("http://127.0.0.1:5000/upload")]
    [InlineData("http://localhost:5000/upload")]
    [InlineData("http://[::1]:5000/upload")]
    [InlineData("https://127.0.0.1:5001/upload")]
    public void Problem_LoopbackInLocalMode_None(string url) =>
        Assert.Null(UploadUrlPolicy.Problem(new Uri(url), Defaults, localMode: true));

    [Theory]
    [InlineData("http://10.0.0.4:5000/upload")]
    [InlineData("http://contoso.sharepoint.com/upload")]
    [InlineData("https://evil.example/upload")]
    [InlineData("ftp://127.0.0.1/upload")]
    [InlineData("http://user@127.0.0.1:5000/upload")]
    public void Problem_LocalModeOpensLoopbackOnly_EverythingElseStillRefused(string url) =>
        Assert.NotNull(UploadUrlPolicy.Problem(new Uri(url), Defaults, localMode: true));

    [Fact]
    public void Problem_ConfiguredSuffixes_ReplaceTheDefaults()
    {
        string[] configured = ["sharepoint.de"];

        Assert.Null(UploadUrlPolicy.Problem(new Uri("https://contoso.sharepoint.de/upload"), configured, localMode: false));
        Assert.NotNull(UploadUrlPolicy.Problem(new Uri("https://contoso.sharepoint.com/upload"), configured, localMode: false));
    }
}
