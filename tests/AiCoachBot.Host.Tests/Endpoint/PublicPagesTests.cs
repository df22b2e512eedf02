using System.Net;
using AiCoachBot.Host.Tests.Support;

namespace AiCoachBot.Host.Tests.Endpoint;

/// <summary>The pages the Teams manifest links to: the developer's website, privacy and terms of use, in both languages.</summary>
public sealed class PublicPagesTests : BotTest
{
    [Theory]
    [InlineData("/", "en", "AiCoachBot")]
    [InlineData("/privacy", "en", "Your data and AiCoachBot")]
    [InlineData("/privacy", "fr-FR,fr;q=0.9", "Vos données et AiCoachBot")]
    [InlineData("/terms", "en-GB", "Terms of use of AiCoachBot")]
    [InlineData("/terms?lang=fr", "en", "Conditions d&#39;utilisation d&#39;AiCoachBot")]
    public async Task EachPage_IsHtml_InTheReadersLanguage(string path, string acceptLanguage, string title)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Accept-Language", acceptLanguage);

        using var response = await Bot.Http.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"<h1>{title}</h1>", html);
        Assert.Contains("href=\"/privacy?lang=", html);
    }

    [Fact]
    public async Task ThePrivacyPage_SaysWhatTheBotKeeps_AndThatNoModelIsConfigured()
    {
        var html = await Bot.Http.GetStringAsync("/privacy");

        Assert.Contains("<h2>What I keep</h2>", html);
        Assert.Contains("In this configuration no AI model receives what you write", html);
        Assert.DoesNotContain("{storage}", html);
    }
}
