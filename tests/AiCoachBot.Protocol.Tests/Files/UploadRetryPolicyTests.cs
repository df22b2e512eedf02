using System.Net;
using System.Net.Sockets;
using AiCoachBot.Protocol.Files;
using Polly.Timeout;

namespace AiCoachBot.Protocol.Tests.Files;

public sealed class UploadRetryPolicyTests
{
    [Theory]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public void IsRetriableStatus_ThrottledOrTransientServerError_True(int status) =>
        Assert.True(UploadRetryPolicy.IsRetriableStatus((HttpStatusCode)status));

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(409)]
    [InlineData(412)]
    [InlineData(413)]
    [InlineData(416)]
    [InlineData(501)]
    [InlineData(507)]
    public void IsRetriableStatus_AnswerThatARepeatCannotChange_False(int status) =>
        Assert.False(UploadRetryPolicy.IsRetriableStatus((HttpStatusCode)status));

    [Fact]
    public void IsRetriableException_LostConnectionOrTimeout_TrueBecauseAWholeRangePutCanBeRepeated()
    {
        Assert.True(UploadRetryPolicy.IsRetriableException(new HttpRequestException("reset", new SocketException((int)SocketError.ConnectionReset))));
        Assert.True(UploadRetryPolicy.IsRetriableException(new TimeoutRejectedException()));
    }

    [Fact]
    public void IsRetriableException_Bug_False() =>
        Assert.False(UploadRetryPolicy.IsRetriableException(new InvalidOperationException()));
}
