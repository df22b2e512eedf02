using AiCoachBot.Protocol.Authentication;

namespace AiCoachBot.Protocol.Tests.Authentication;

public sealed class TrustedServiceUrlsTests
{
    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer/", "https://smba.trafficmanager.net/amer/v3/conversations/a%3A1/activities")]
    [InlineData("https://smba.trafficmanager.net/amer", "https://smba.trafficmanager.net/amer/v3/conversations")]
    [InlineData("https://smba.trafficmanager.net/amer/", "https://smba.trafficmanager.net:443/amer/v3/conversations?x=1")]
    [InlineData("http://localhost:56150/_connector", "http://localhost:56150/_connector/v3/conversations/x/activities/y")]
    public void IsTrusted_UrlUnderTrustedServiceUrl_True(string trusted, string request)
    {
        var urls = new TrustedServiceUrls();
        urls.Trust(trusted);

        Assert.True(urls.IsTrusted(new Uri(request)));
    }

    [Theory]
    [InlineData("https://host/amer", "https://host/amer.evil/v3/conversations")]
    [InlineData("https://host/amer/", "https://host/amer.evil/v3/conversations")]
    [InlineData("https://host/amer", "https://host/americas/v3/conversations")]
    [InlineData("https://host/amer", "https://host/emea/v3/conversations")]
    [InlineData("https://host/amer", "https://host/amer/../emea/v3/conversations")]
    [InlineData("https://host/amer", "https://other-host/amer/v3/conversations")]
    [InlineData("https://host/amer", "https://host.evil/amer/v3/conversations")]
    [InlineData("https://host/amer", "https://host@evil.example/amer/v3/conversations")]
    [InlineData("https://host/amer", "https://host:8443/amer/v3/conversations")]
    [InlineData("https://host/amer", "http://host/amer/v3/conversations")]
    public void IsTrusted_UrlOutsideTrustedServiceUrl_False(string trusted, string request)
    {
        var urls = new TrustedServiceUrls();
        urls.Trust(trusted);

        Assert.False(urls.IsTrusted(new Uri(request)));
    }

    [Theory]
    [InlineData("https://SMBA.TrafficManager.net/AMER/", "https://smba.trafficmanager.net/amer/v3/conversations")]
    [InlineData("https://smba.trafficmanager.net/amer/", "HTTPS://SMBA.TRAFFICMANAGER.NET/AMER/v3/conversations")]
    public void IsTrusted_DifferentCase_True(string trusted, string request)
    {
        var urls = new TrustedServiceUrls();
        urls.Trust(trusted);

        Assert.True(urls.IsTrusted(new Uri(request)));
    }

    [Fact]
    public void IsTrusted_NothingTrusted_False()
    {
        Assert.False(new TrustedServiceUrls().IsTrusted(new Uri("https://smba.trafficmanager.net/amer/v3/conversations")));
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("/relative/path")]
    [InlineData("ftp://smba.trafficmanager.net/amer/")]
    [InlineData("file:///etc/passwd")]
    public void Trust_NotAnAbsoluteHttpUrl_TrustsNothing(string serviceUrl)
    {
        var urls = new TrustedServiceUrls();

        urls.Trust(serviceUrl);

        Assert.Null(TrustedServiceUrls.Normalize(serviceUrl));
        Assert.False(urls.IsTrusted(new Uri("https://smba.trafficmanager.net/amer/v3/conversations")));
    }
}
