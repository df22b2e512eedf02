using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace AiCoachBot.Host.Tests.Support;

/// <summary>
/// A loopback Bot Connector: accepts activities like Teams does (201 with a new id, 200 on update),
/// records every request, lets a test await the next messages of a conversation, and fails on demand.
/// </summary>
public sealed class FakeConnector : IAsyncDisposable
{
    public static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(5);

    private readonly object _gate = new();
    private readonly List<ConnectorRequest> _requests = [];
    private readonly Dictionary<string, int> _readCursors = new(StringComparer.Ordinal);
    private readonly List<Waiter> _waiters = [];
    private readonly List<(Func<ConnectorRequest, bool> Match, TaskCompletionSource<ConnectorRequest> Found)> _watches = [];
    private readonly Queue<ScriptedFailure> _nextFailures = new();
    private readonly CancellationTokenSource _stopping = new();
    private ScriptedFailure? _everyRequest;
    private int _lastId;
    private LoopbackServer? _server;

    /// <summary>The serviceUrl the test's activities carry.</summary>
    public string ServiceUrl => _server!.BaseAddress.ToString();

    public IReadOnlyList<ConnectorRequest> Requests { get { lock (_gate) return [.. _requests]; } }

    /// <summary>What GET …/pagedmembers answers, for every conversation: (Teams id, Entra id, name).</summary>
    public List<(string Id, string AadObjectId, string Name)> Members { get; } = [];

    public static async Task<FakeConnector> StartAsync()
    {
        var connector = new FakeConnector();
        connector._server = await LoopbackServer.StartAsync(connector.HandleAsync);
        return connector;
    }

    /// <summary>The next <paramref name="times"/> requests fail with <paramref name="status"/>, as Teams would answer them.</summary>
    public void FailNext(int status, int times = 1, int? retryAfterSeconds = null, string? code = null)
    {
        lock (_gate)
            for (var i = 0; i < times; i++) _nextFailures.Enqueue(new ScriptedFailure(status, retryAfterSeconds, code));
    }

    /// <summary>The next request gets no answer at all, until the bot gives up on it (or the test ends).</summary>
    public void HangNext()
    {
        lock (_gate) _nextFailures.Enqueue(new ScriptedFailure(0, null, null));
    }

    public void FailEveryRequest(int status, string? code = null)
    {
        lock (_gate) _everyRequest = new ScriptedFailure(status, null, code);
    }

    /// <summary>Every request aimed at one conversation, delivered or not.</summary>
    public IReadOnlyList<ConnectorRequest> RequestsTo(string conversationId)
    {
        lock (_gate) return [.. _requests.Where(r => r.ConversationId == conversationId)];
    }

    /// <summary>The messages the user of a conversation actually received, in order.</summary>
    public IReadOnlyList<ConnectorRequest> MessagesTo(string conversationId)
    {
        lock (_gate) return Delivered(conversationId);
    }

    /// <summary>Messages delivered to the conversation that no <see cref="NextMessagesAsync"/> has returned yet.</summary>
    public IReadOnlyList<ConnectorRequest> UnreadMessages(string conversationId)
    {
        lock (_gate) return [.. Delivered(conversationId).Skip(_readCursors.GetValueOrDefault(conversationId))];
    }

    /// <summary>Treats every message delivered so far as read, for a test that checked them another way.</summary>
    public void MarkAllRead(string conversationId)
    {
        lock (_gate) _readCursors[conversationId] = Delivered(conversationId).Count;
    }

    /// <summary>Waits for the next <paramref name="count"/> messages delivered to a conversation (one waiter per conversation).</summary>
    public async Task<IReadOnlyList<ConnectorRequest>> NextMessagesAsync(string conversationId, int count, TimeSpan? timeout = null)
    {
        Waiter waiter;
        lock (_gate)
        {
            var cursor = _readCursors.GetValueOrDefault(conversationId);
            waiter = new Waiter(conversationId, cursor + count);
            if (!TryComplete(waiter)) _waiters.Add(waiter);
        }
        try
        {
            return await waiter.Done.Task.WaitAsync(timeout ?? DefaultWait);
        }
        catch (TimeoutException)
        {
            lock (_gate)
            {
                _waiters.Remove(waiter);
                throw new TimeoutException(
                    $"Expected {count} more message(s) for {conversationId}; the connector saw:\n  " + string.Join("\n  ", _requests));
            }
        }
    }

    /// <summary>The first request, received or still to come, that <paramref name="match"/> accepts (work the bot does after its answer).</summary>
    public async Task<ConnectorRequest> WaitForAsync(Func<ConnectorRequest, bool> match, string what, TimeSpan? timeout = null)
    {
        var found = new TaskCompletionSource<ConnectorRequest>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_requests.FirstOrDefault(match) is { } already) return already;
            _watches.Add((match, found));
        }
        try { return await found.Task.WaitAsync(timeout ?? DefaultWait); }
        catch (TimeoutException) { throw new Xunit.Sdk.XunitException($"The connector never received {what}; it received:\n  {string.Join("\n  ", Requests)}"); }
        finally { lock (_gate) _watches.RemoveAll(w => w.Found == found); }
    }

    public async Task<ConnectorRequest> NextMessageAsync(string conversationId, TimeSpan? timeout = null) =>
        (await NextMessagesAsync(conversationId, 1, timeout)).Single();

    private async Task HandleAsync(HttpContext context)
    {
        var rawPath = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
        var segments = rawPath.Split('?')[0].Trim('/').Split('/').Select(Uri.UnescapeDataString).ToArray();
        using var reader = new StreamReader(context.Request.Body);
        var text = await reader.ReadToEndAsync();
        JsonNode? body;
        try { body = text.Length == 0 ? null : JsonNode.Parse(text); }
        catch (JsonException) { body = JsonValue.Create(text); }

        // A Teams serviceUrl may carry a path of its own (…/amer/): the API starts at "v3".
        var (conversationId, activityId) = segments.SkipWhile(s => s != "v3").ToArray() switch
        {
            ["v3", "conversations", var c, "activities"] => (c, null),
            ["v3", "conversations", var c, "activities", var a] => (c, (string?)a),
            // A new post in a channel: recorded under the channel's id, as the thread it starts.
            ["v3", "conversations"] when body?["channelData"]?["channel"]?["id"] is JsonValue channel => (channel.GetValue<string>(), null),
            _ => (null, null),
        };
        var createsConversation = segments.SkipWhile(s => s != "v3").Count() == 2;
        if (context.Request.Method == HttpMethods.Get && segments.SkipWhile(s => s != "v3").ToArray() is ["v3", "conversations", var asked, "members", var memberId])
        {
            (string Id, string AadObjectId, string Name)? found;
            lock (_gate) found = Members.Where(m => m.Id == memberId || m.AadObjectId == memberId).Select(m => ((string, string, string)?)m).FirstOrDefault();
            Record(new ConnectorRequest("GET", rawPath, asked, null, context.Request.Headers.Authorization.FirstOrDefault(), null, found is null ? 404 : 200, null));
            context.Response.StatusCode = found is null ? 404 : 200;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync((found is { } m
                ? new JsonObject { ["id"] = m.Id, ["aadObjectId"] = m.AadObjectId, ["name"] = m.Name }
                : new JsonObject { ["error"] = new JsonObject { ["code"] = "MemberNotFoundInConversation", ["message"] = "The member is not in the conversation." } }).ToJsonString());
            return;
        }
        if (context.Request.Method == HttpMethods.Get && segments.SkipWhile(s => s != "v3").ToArray() is ["v3", "conversations", var listed, "pagedmembers"])
        {
            Record(new ConnectorRequest("GET", rawPath, listed, null, context.Request.Headers.Authorization.FirstOrDefault(), null, 200, null));
            JsonArray members;
            lock (_gate) members = new JsonArray(Members.Select(m => (JsonNode)new JsonObject { ["id"] = m.Id, ["aadObjectId"] = m.AadObjectId, ["name"] = m.Name }).ToArray());
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(new JsonObject { ["members"] = members }.ToJsonString());
            return;
        }

        ScriptedFailure? failure;
        lock (_gate) failure = _nextFailures.TryDequeue(out var next) ? next : _everyRequest;

        int status;
        string? responseId = null;
        if (failure is not null) status = failure.Status;
        else if (conversationId is null) status = 404;
        else if (context.Request.Method == HttpMethods.Post) (status, responseId) = (201, $"1:bot-{Interlocked.Increment(ref _lastId)}");
        else if (context.Request.Method == HttpMethods.Put && activityId is not null) (status, responseId) = (200, activityId);
        else status = 405;

        Record(new ConnectorRequest(context.Request.Method, rawPath, conversationId, activityId,
            context.Request.Headers.Authorization.FirstOrDefault(), body, status, responseId));

        if (status == 0)
        {
            await HangUntilAbortedAsync(context);
            return;
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        if (failure?.RetryAfterSeconds is { } seconds) context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var answer = failure is not null
            ? new JsonObject { ["error"] = new JsonObject { ["code"] = failure.Code ?? CodeFor(status), ["message"] = "Scripted failure." } }
            : createsConversation && responseId is not null ? new JsonObject { ["id"] = $"{conversationId};messageid={responseId}", ["activityId"] = responseId }
            : responseId is not null ? new JsonObject { ["id"] = responseId } : new JsonObject();
        await context.Response.WriteAsync(answer.ToJsonString());
    }

    private async Task HangUntilAbortedAsync(HttpContext context)
    {
        var aborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var whenAborted = context.RequestAborted.Register(() => aborted.TrySetResult());
        using var whenStopping = _stopping.Token.Register(() => aborted.TrySetResult());
        await aborted.Task;
    }

    private void Record(ConnectorRequest request)
    {
        lock (_gate)
        {
            _requests.Add(request);
            foreach (var watch in _watches.Where(w => w.Match(request))) watch.Found.TrySetResult(request);
            foreach (var waiter in _waiters.Where(w => w.ConversationId == request.ConversationId).ToList())
                if (TryComplete(waiter)) _waiters.Remove(waiter);
        }
    }

    private bool TryComplete(Waiter waiter)
    {
        var delivered = Delivered(waiter.ConversationId);
        if (delivered.Count < waiter.Needed) return false;
        var cursor = _readCursors.GetValueOrDefault(waiter.ConversationId);
        _readCursors[waiter.ConversationId] = waiter.Needed;
        waiter.Done.TrySetResult([.. delivered.Skip(cursor).Take(waiter.Needed - cursor)]);
        return true;
    }

    private List<ConnectorRequest> Delivered(string conversationId) =>
        [.. _requests.Where(r => r.ConversationId == conversationId && r.IsMessagePost && r.Delivered)];

    private static string CodeFor(int status) => status switch
    {
        403 => "BotNotInConversationRoster",
        404 => "ConversationNotFound",
        412 => "PreconditionFailed",
        429 => "Throttled",
        _ => "ServiceError",
    };

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        if (_server is not null) await _server.DisposeAsync();
        _stopping.Dispose();
    }

    private sealed record ScriptedFailure(int Status, int? RetryAfterSeconds, string? Code);

    /// <summary>A class, not a record: two waiters with the same target are still two waiters.</summary>
    private sealed class Waiter(string conversationId, int needed)
    {
        public string ConversationId { get; } = conversationId;
        public int Needed { get; } = needed;
        public TaskCompletionSource<IReadOnlyList<ConnectorRequest>> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
