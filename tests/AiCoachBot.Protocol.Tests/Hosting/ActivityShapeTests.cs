using AiCoachBot.Protocol.Hosting;
using AiCoachBot.Protocol.Schema;

namespace AiCoachBot.Protocol.Tests.Hosting;

public sealed class ActivityShapeTests
{
    private static readonly Activity Valid = new()
    {
        Type = ActivityTypes.Message,
        ServiceUrl = "https://smba.trafficmanager.net/amer/",
        Conversation = new ConversationAccount { Id = "a:1" },
    };

    [Fact]
    public void Problem_MinimalTeamsActivity_None() => Assert.Null(ActivityShape.Problem(Valid));

    public static TheoryData<string, Activity> Broken => new()
    {
        { "no type", Valid with { Type = null } },
        { "blank type", Valid with { Type = " " } },
        { "no serviceUrl", Valid with { ServiceUrl = null } },
        { "relative serviceUrl", Valid with { ServiceUrl = "/amer/" } },
        { "ftp serviceUrl", Valid with { ServiceUrl = "ftp://smba.trafficmanager.net/amer/" } },
        { "javascript serviceUrl", Valid with { ServiceUrl = "javascript:alert(1)" } },
        { "no conversation", Valid with { Conversation = null } },
        { "no conversation id", Valid with { Conversation = new ConversationAccount() } },
        { "conversation id too long", Valid with { Conversation = new ConversationAccount { Id = new string('a', 513) } } },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Problem_MissingOrUnsafeField_Described(string _, Activity activity) =>
        Assert.False(string.IsNullOrWhiteSpace(ActivityShape.Problem(activity)));
}
