using System.Net.Http.Json;
using System.Net;
using AiCoachBot.Host.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace AiCoachBot.Host.Tests.Endpoint;

/// <summary>Without an app id nothing is authenticated, so only this machine may call the bot.</summary>
public sealed class LocalModeTests : BotTest
{
    [Fact]
    public async Task LoopbackCaller_IsServedWithoutAToken()
    {
        var chat = PersonalChat();

        var reply = await SayOneAsync(chat, "help");

        Assert.Null(reply.Authorization);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData("::ffff:127.0.0.1")]
    public async Task CallerOnThisMachine_IsServed(string remoteAddress)
    {
        var local = StartBot(services: services => services.AddSingleton<IStartupFilter>(new RemoteCaller(IPAddress.Parse(remoteAddress))));
        var chat = PersonalChat();

        using var response = await local.PostAsync(chat.Message("help"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(Connector.MessagesTo(chat.ConversationId));
    }

    [Theory]
    [InlineData("203.0.113.7")]
    [InlineData("10.0.0.5")]
    [InlineData("::ffff:203.0.113.7")]
    [InlineData("2001:db8::7")]
    public async Task CallerFromAnotherMachine_Is401(string remoteAddress)
    {
        var remote = StartBot(services: services => services.AddSingleton<IStartupFilter>(new RemoteCaller(IPAddress.Parse(remoteAddress))));
        var chat = PersonalChat();

        using var response = await remote.PostAsync(chat.Message("help"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());
        Assert.Empty(Connector.Requests);
    }

    [Fact]
    public async Task ServiceUrlOffThisMachine_IsRefused_AndNothingIsSentThere()
    {
        var chat = ActivityBuilder.PersonalChat("https://attacker.example/", "en-US");

        using var response = await Bot.PostAsync(chat.Message("help"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(Connector.Requests);
    }

    [Fact]
    public async Task HostNameOtherThanThisMachine_IsRefused()
    {
        var chat = PersonalChat();
        using var client = Bot.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent.Create(chat.Message("help")) };
        request.Headers.Host = "rebound.attacker.example";

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(Connector.Requests);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data")]
    public async Task BodyThatIsNotJson_Is415_SoAWebPageCannotPostToTheLocalBot(string contentType)
    {
        var chat = PersonalChat();

        using var response = await Bot.PostRawAsync(chat.Message("help").ToJsonString(), contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Empty(Connector.Requests);
    }

    /// <summary>TestServer has no remote address (the bot reads that as loopback): this one pretends to.</summary>
    private sealed class RemoteCaller(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = address;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
