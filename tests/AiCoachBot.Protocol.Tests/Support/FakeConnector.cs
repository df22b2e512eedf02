using Microsoft.AspNetCore.Http;

namespace AiCoachBot.Protocol.Tests.Support;

/// <summary>One scripted answer of the fake Bot Connector.</summary>
public delegate Task Reply(HttpContext context, CancellationToken serverStopping);

public static class Replies
{
    public static Reply Json(int status, string body, params (string Name, string Value)[] headers) => async (context, _) =>
    {
        context.Response.StatusCode = status;
        foreach (var (name, value) in headers) context.Response.Headers[name] = value;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body);
    };

    public static Reply Status(int status, params (string Name, string Value)[] headers) => (context, _) =>
    {
        context.Response.StatusCode = status;
        foreach (var (name, value) in headers) context.Response.Headers[name] = value;
        return Task.CompletedTask;
    };

    public static Reply Created(string id = "1:created") => Json(201, $$"""{"id":"{{id}}"}""");

    /// <summary>Never answers: holds the request until the client gives up or the test ends.</summary>
    public static Reply Hang() => async (context, serverStopping) =>
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, serverStopping);
        try { await Task.Delay(Timeout.Infinite, either.Token); }
        catch (OperationCanceledException) { }
    };
}

/// <summary>
/// A loopback Bot Connector: answers the n-th request with the n-th scripted reply (the last one repeats)
/// and records what it received.
/// </summary>
public sealed class FakeConnector : IAsyncDisposable
{
    private readonly LoopbackServer _server;

    private FakeConnector(LoopbackServer server) => _server = server;

    public string ServiceUrl => _server.BaseAddress.ToString();

    public IReadOnlyList<RecordedRequest> Requests => _server.Requests;

    public static async Task<FakeConnector> StartAsync(params Reply[] script)
    {
        if (script.Length == 0) script = [Replies.Created()];
        var next = -1;
        LoopbackServer? server = null;
        server = await LoopbackServer.StartAsync((context, _) =>
        {
            var index = Math.Min(Interlocked.Increment(ref next), script.Length - 1);
            return script[index](context, server!.Stopping);
        });
        return new FakeConnector(server);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
