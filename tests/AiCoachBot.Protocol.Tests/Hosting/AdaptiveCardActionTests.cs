using System.Text.Json.Nodes;
using AiCoachBot.Protocol.Hosting;

namespace AiCoachBot.Protocol.Tests.Hosting;

public sealed class AdaptiveCardActionTests
{
    [Fact]
    public void Parse_ActionExecute_ReadsVerbDataAndTrigger()
    {
        var value = JsonNode.Parse("""
            {"action":{"type":"Action.Execute","title":"Save","verb":"saveRetro","data":{"retroId":"r-42","rating":4}},"trigger":"manual"}
            """);

        var action = AdaptiveCardAction.Parse(value);

        Assert.NotNull(action);
        Assert.Equal("saveRetro", action.Verb);
        Assert.Equal("r-42", (string?)action.Data["retroId"]);
        Assert.Equal(4, (int)action.Data["rating"]!);
        Assert.Equal("manual", action.Trigger);
    }

    [Theory]
    [InlineData("""{"action":{"type":"Action.Execute","verb":"refresh"}}""")]
    [InlineData("""{"action":{"type":"Action.Execute","verb":"refresh","data":null}}""")]
    [InlineData("""{"action":{"type":"Action.Execute","verb":"refresh","data":"not an object"}}""")]
    public void Parse_DataMissingOrNotAnObject_EmptyData(string json)
    {
        var action = AdaptiveCardAction.Parse(JsonNode.Parse(json));

        Assert.NotNull(action);
        Assert.Equal("refresh", action.Verb);
        Assert.Empty(action.Data);
        Assert.Null(action.Trigger);
    }

    [Theory]
    [InlineData("""{"trigger":"manual"}""")]
    [InlineData("""{"action":null}""")]
    [InlineData("""{"action":"Action.Execute"}""")]
    [InlineData("""{"action":{"type":"Action.Submit","data":{"x":1}}}""")]
    [InlineData("""{"action":{"type":"action.execute","verb":"save"}}""")]
    [InlineData("""{"action":{"verb":"save"}}""")]
    [InlineData("""{"action":{"type":5,"verb":"save"}}""")]
    [InlineData("""[{"action":{"type":"Action.Execute"}}]""")]
    [InlineData("\"Action.Execute\"")]
    public void Parse_NotAnActionExecute_Null(string json) =>
        Assert.Null(AdaptiveCardAction.Parse(JsonNode.Parse(json)));

    [Fact]
    public void Parse_NoValue_Null() => Assert.Null(AdaptiveCardAction.Parse(null));
}
