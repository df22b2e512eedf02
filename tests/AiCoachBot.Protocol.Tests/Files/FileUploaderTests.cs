using System.Net;
using System.Text;
using AiCoachBot.Protocol.Authentication;
using AiCoachBot.Protocol.Files;
using AiCoachBot.Protocol.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AiCoachBot.Protocol.Tests.Files;

/// <summary>
/// The uploader against a loopback server playing OneDrive. Loopback is reachable only in local mode, so
/// these run without credentials; the allow-list itself is specified in <see cref="UploadUrlPolicyTests"/>.
/// The clock is manual and the back-off zero, so nothing here waits on the wall clock.
/// </summary>
public sealed class FileUploaderTests
{
    private static readonly BotCredentialsOptions LocalMode = new();
    private static readonly BotCredentialsOptions Configured = new() { MicrosoftAppId = "6f1c2b8e-3a4d-4e5f-9a0b-1c2d3e4f5a6b", MicrosoftAppPassword = "secret" };
    private static readonly byte[] Markdown = Encoding.UTF8.GetBytes("# Rétro du sprint 12\n\n- ✅ Livré à temps\n");

    private readonly ManualTimeProvider _clock = new();
    private readonly AttemptCounter _attempts = new() { InnerHandler = new SocketsHttpHandler { AllowAutoRedirect = false } };

    private static BotFilesOptions Fast() => new()
    {
        AttemptTimeout = TimeSpan.FromSeconds(30),
        TotalTimeout = TimeSpan.FromSeconds(120),
        MaxRetries = 3,
        BaseDelay = TimeSpan.Zero,
        MaxRetryAfter = TimeSpan.FromSeconds(10),
    };

    [Fact]
    public async Task UploadAsync_Created_PutsTheWholeFileOnceWithItsRangeAndNoAuthorization()
    {
        await using var oneDrive = await FakeConnector.StartAsync(Replies.Json(201, """{"id":"01ABC","name":"retro.md","size":52}"""));

        var outcome = await Uploader().UploadAsync(UploadUrl(oneDrive), Markdown, default);

        Assert.IsType<UploadOutcome.Uploaded>(outcome);
        var put = Assert.Single(oneDrive.Requests);
        Assert.Equal("PUT", put.Method);
        Assert.Equal("/up/session-1?tempauth=eyJ0eXAi", put.RawTarget);
        Assert.Equal($"bytes 0-{Markdown.Length - 1}/{Markdown.Length}", put.Headers["Content-Range"]);
        Assert.Equal(Markdown.Length.ToString(), put.Headers["Content-Length"]);
        Assert.Null(put.Authorization);
        Assert.Equal(Encoding.UTF8.GetString(Markdown), put.Body);
    }

    [Fact]
    public async Task UploadAsync_OneByte_RangeIsZeroToZero()
    {
        await using var oneDrive = await FakeConnector.StartAsync(Replies.Status(200));

        var outcome = await Uploader().UploadAsync(UploadUrl(oneDrive), "x"u8.ToArray(), default);

        Assert.IsType<UploadOutcome.Uploaded>(outcome);
        Assert.Equal("bytes 0-0/1", Assert.Single(oneDrive.Requests).Headers["Content-Range"]);
    }

    [Fact]
    public async Task UploadAsync_Throttled429WithRetryAfter_WaitsThatLongOnTheInjectedClockThenUploads()
    {
        await using var oneDrive = await FakeConnector.StartAsync(
            Replies.Json(429, """{"error":{"code":"activityLimitReached","message":"slow down"}}""", ("Retry-After", "2")),
            Replies.Status(201));

        var upload = Uploader().UploadAsync(UploadUrl(oneDrive), Markdown, default);
        await Eventually.TrueAsync(() => _clock.PendingDelays.Contains(TimeSpan.FromSeconds(2)), "a two-second wait to be scheduled");
        var requestsBeforeTheWait = oneDrive.Requests.Count;
        _clock.Advance(TimeSpan.FromSeconds(2));
        var outcome = await upload.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(1, requestsBeforeTheWait);
        Assert.IsType<UploadOutcome.Uploaded>(outcome);
        Assert.Equal(2, oneDrive.Requests.Count);
        Assert.Equal(oneDrive.Requests[0].Body, oneDrive.Requests[1].Body);
        Assert.Equal(oneDrive.Requests[0].Headers["Content-Range"], oneDrive.Requests[1].Headers["Content-Range"]);
    }

    [Fact]
    public async Task UploadAsync_RetryAfterLongerThanMaxRetryAfter_FailsAsThrottledWithoutWaiting()
    {
        await using var oneDrive = await FakeConnector.StartAsync(Replies.Status(429, ("Retry-After", "3600")), Replies.Status(201));

        var outcome = await Uploader().UploadAsync(UploadUrl(oneDrive), Markdown, default).WaitAsync(TimeSpan.FromSeconds(10));

        var failed = Assert.IsType<UploadOutcome.Failed>(outcome);
        Assert.Equal(HttpStatusCode.TooManyRequests, failed.Status);
        Assert.Single(oneDrive.Requests);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task UploadAsync_TransientServerErrorThenSuccess_PutRepeatedAndUploaded(int status)
    {
        await using var oneDrive = await FakeConnector.StartAsync(Replies.Status(status), Replies.Status(201));

        var outcome = await Uploader().UploadAsync(UploadUrl(oneDrive), Markdown, default);

        Assert.IsType<UploadOutcome.Uploaded>(outcome);
        Assert.Equal(2, oneDrive.Requests.Count);
    }

    [Fact]
    public async Task UploadAsync_ServerErrorEveryTime_FailedWithThatStatusAfterMaxRetries()
    {
        await using var oneDrive = await FakeConnector.StartAsync(Replies.Json(500, """{"error":{"code":"generalException","message":"boom"}}"""));

        var outcome = await Uploader().UploadAsync(UploadUrl(oneDrive), Markdown, default);

        var failed = Assert.IsType<UploadOutcome.Failed>(outcome);
        Assert.Equal(HttpStatusCode.InternalServerError, failed.Status);
        Assert.Contains("generalException", failed.Reason);
        Assert.Equal(1 + Fast().MaxRetries, oneDrive.Requests.Count);
    }

    [Fact]
    public async Task UploadAsync_MaxRetriesZero_TransientErrorNotRepeated()
    {
        await using var oneDrive = await FakeConnector.StartAsync(Replies.Status(503), Replies.Status(201));
        var options = Fast();
        options.MaxRetries = 0;

        var outcome = await Uploader(options).UploadAsync(UploadUrl(oneDrive), Markdown, default);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, Assert.IsType<UploadOutcome.Failed>(outcome).Status);
        Assert.Single(oneDrive.Requests);
    }

    [Theory]
    [InlineData(401, """{"error":{"code":"unauthenticated","message":"token expired"}}""", "unauthenticated")]
    [InlineData(404, """{"error":{"code":"itemNotFound","message":"The upload session was not found"}}""", "itemNotFound")]
    [InlineData(409, """{"error":{"code":"nameAlreadyExists","message":"Another file exists"}}""", "nameAlreadyExists")]
    [InlineData(413, "", null)]
    [InlineData(416, "<html>range</html>", null)]
    [InlineData(507, """{"error":{"code":"quotaLimitReached","message":"full"}}""", "quotaLimitReached")]
    public async Task UploadAsync_AnswerThatARepeatCannotChange_FailedAtOnceWithTheOneDriveCode(int status, string body, string? code)
    {
        await using var oneDrive = await FakeConnector.StartAsync(Replies.Json(status, body), Replies.Status(201));

        var outcome = await Uploader().UploadAsync(UploadUrl(oneDrive), Markdown, default);

        var failed = Assert.IsType<UploadOutcome.Failed>(outcome);
        Assert.Equal((HttpStatusCode)status, failed.Status);
        if (code is not null) Assert.Contains(code, failed.Reason);
        Assert.Single(oneDrive.Requests);
    }

    [Fact]
    public async Task UploadAsync_202AcceptedAfterTheWholeRange_FailedBecauseTheFileIsNotComplete()
    {
        await using var oneDrive = await FakeConnector.StartAsync(Replies.Json(202, """{"nextExpectedRanges":["26-"]}"""));

        var outcome = await Uploader().UploadAsync(UploadUrl(oneDrive), Markdown, default);

        Assert.Equal(HttpStatusCode.Accepted, Assert.IsType<UploadOutcome.Failed>(outcome).Status);
    }

    [Fact]
    public async Task UploadAsync_AttemptTimesOut_RepeatedBecauseAWholeRangePutIsIdempotent()
    {
        await using var oneDrive = await FakeConnector.StartAsync(Replies.Hang(), Replies.Status(201));

        var upload = Uploader().UploadAsync(UploadUrl(oneDrive), Markdown, default);
        await Eventually.TrueAsync(() => oneDrive.Requests.Count == 1, "the first PUT to arrive");
        _clock.Advance(Fast().AttemptTimeout);
        var outcome = await upload.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.IsType<UploadOutcome.Uploaded>(outcome);
        Assert.Equal(2, oneDrive.Requests.Count);
    }

    [Fact]
    public async Task UploadAsync_NoAnswerAndNoRetriesLeft_FailedWithoutStatus()
    {
        await using var oneDrive = await FakeConnector.StartAsync(Replies.Hang());
        var options = Fast();
        options.MaxRetries = 0;

        var upload = Uploader(options).UploadAsync(UploadUrl(oneDrive), Markdown, default);
        await Eventually.TrueAsync(() => oneDrive.Requests.Count == 1, "the PUT to arrive");
        _clock.Advance(options.AttemptTimeout);
        var outcome = await upload.WaitAsync(TimeSpan.FromSeconds(10));

        var failed = Assert.IsType<UploadOutcome.Failed>(outcome);
        Assert.Null(failed.Status);
        Assert.Contains("in time", failed.Reason);
    }

    [Fact]
    public async Task UploadAsync_HostRefusesConnections_FailedWithoutStatusAfterMaxRetries()
    {
        var outcome = await Uploader().UploadAsync(new Uri($"http://127.0.0.1:{LoopbackServer.UnusedPort()}/up/session-1"), Markdown, default);

        var failed = Assert.IsType<UploadOutcome.Failed>(outcome);
        Assert.Null(failed.Status);
        Assert.Equal(1 + Fast().MaxRetries, _attempts.Count);
    }

    [Fact]
    public async Task UploadAsync_CallerCancels_ThrowsInsteadOfReportingAFailure()
    {
        await using var oneDrive = await FakeConnector.StartAsync(Replies.Hang());
        using var cancellation = new CancellationTokenSource();

        var upload = Uploader().UploadAsync(UploadUrl(oneDrive), Markdown, cancellation.Token);
        await Eventually.TrueAsync(() => oneDrive.Requests.Count == 1, "the PUT to arrive");
        cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => upload.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Single(oneDrive.Requests);
    }

    [Fact]
    public async Task UploadAsync_LoopbackWithCredentialsConfigured_RefusedWithoutSendingAnything()
    {
        await using var oneDrive = await FakeConnector.StartAsync(Replies.Status(201));

        var outcome = await Uploader(credentials: Configured).UploadAsync(UploadUrl(oneDrive), Markdown, default);

        Assert.Contains("https", Assert.IsType<UploadOutcome.Refused>(outcome).Reason);
        Assert.Empty(oneDrive.Requests);
        Assert.Equal(0, _attempts.Count);
    }

    [Theory]
    [InlineData("https://evil.example/up/session-1")]
    [InlineData("https://contoso.sharepoint.com.evil.example/up/session-1")]
    [InlineData("http://contoso.sharepoint.com/up/session-1")]
    public async Task UploadAsync_HostNotAllowedOrNotHttps_RefusedWithoutSendingAnything(string url)
    {
        var outcome = await Uploader(credentials: Configured).UploadAsync(new Uri(url), Markdown, default);

        Assert.IsType<UploadOutcome.Refused>(outcome);
        Assert.Equal(0, _attempts.Count);
    }

    [Fact]
    public async Task UploadAsync_NothingToUpload_RefusedWithoutSendingAnything()
    {
        var outcome = await Uploader().UploadAsync(new Uri("http://127.0.0.1:9/up"), [], default);

        Assert.IsType<UploadOutcome.Refused>(outcome);
        Assert.Equal(0, _attempts.Count);
    }

    [Fact]
    public async Task UploadAsync_LargerThanMaxUploadBytes_RefusedWithoutSendingAnything()
    {
        var options = Fast();
        options.MaxUploadBytes = Markdown.Length - 1;

        var outcome = await Uploader(options).UploadAsync(new Uri("http://127.0.0.1:9/up"), Markdown, default);

        Assert.Contains($"at most {Markdown.Length - 1}", Assert.IsType<UploadOutcome.Refused>(outcome).Reason);
        Assert.Equal(0, _attempts.Count);
    }

    private FileUploader Uploader(BotFilesOptions? options = null, BotCredentialsOptions? credentials = null) => new(
        new HttpClient(_attempts) { Timeout = TimeSpan.FromSeconds(10) },
        Options.Create(options ?? Fast()),
        Options.Create(credentials ?? LocalMode),
        _clock,
        NullLogger<FileUploader>.Instance);

    /// <summary>An upload session URL as OneDrive shapes them: the query carries the authorisation.</summary>
    private static Uri UploadUrl(FakeConnector oneDrive) => new(oneDrive.ServiceUrl + "up/session-1?tempauth=eyJ0eXAi");
}
