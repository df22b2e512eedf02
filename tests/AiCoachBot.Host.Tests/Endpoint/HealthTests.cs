using System.Net;
using System.Text.Json.Nodes;
using AiCoachBot.Host.Tests.Support;

namespace AiCoachBot.Host.Tests.Endpoint;

public sealed class HealthTests : BotTest
{
    [Fact]
    public async Task Healthz_StoreReachable_ReportsReady()
    {
        using var response = await Bot.Http.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("ready", body["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task HeadOnTheMessagesEndpoint_IsOk()
    {
        using var response = await Bot.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/messages"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(Connector.Requests);
    }
}
