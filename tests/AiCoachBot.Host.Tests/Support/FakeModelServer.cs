using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace AiCoachBot.Host.Tests.Support;

/// <summary>
/// An OpenAI-compatible chat completions endpoint on loopback, speaking the real wire format: completions with
/// usage, error bodies with 429 and its retry headers, 5xx, slow and malformed answers. Each request takes the
/// next scripted behaviour; with none left it answers with <see cref="Reply"/>.
/// </summary>
public sealed class FakeModelServer : IAsyncDisposable
{
    public const string Model = "coach-test-model";
    public const string ApiKey = "test-key-123";
    private readonly ConcurrentQueue<Func<HttpContext, JsonObject, Task>> _script = new();
    private LoopbackServer _server = null!;

    public ConcurrentQueue<JsonObject> Requests { get; } = new();

    /// <summary>What the model says to a request; by default a short cited answer.</summary>
    public Func<JsonObject, string> Reply { get; set; } = _ => "A data audit checks what data you have, who owns it and whether you may use it [1].";

    public string Endpoint => _server.BaseAddress + "openai/v1/";

    public static async Task<FakeModelServer> StartAsync()
    {
        var fake = new FakeModelServer();
        fake._server = await LoopbackServer.StartAsync(fake.HandleAsync);
        return fake;
    }

    public IReadOnlyDictionary<string, string?> Settings(IReadOnlyDictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Coach:Model:Endpoint"] = Endpoint,
            ["Coach:Model:Model"] = Model,
            ["Coach:Model:ApiKey"] = ApiKey,
            ["Coach:Model:AttemptTimeout"] = "00:00:02",
            ["Coach:Model:TotalTimeout"] = "00:00:05",
            ["Coach:Model:BaseDelay"] = "00:00:00.010",
            ["Coach:Model:MaxRetryAfter"] = "00:00:02",
            ["Coach:ModelDeadline"] = "00:00:06",
        };
        foreach (var (key, value) in more ?? new Dictionary<string, string?>()) settings[key] = value;
        return settings;
    }

    public void Then(params Func<HttpContext, JsonObject, Task>[] behaviours)
    {
        foreach (var behaviour in behaviours) _script.Enqueue(behaviour);
    }

    /// <summary>The system and user messages of a recorded request.</summary>
    public static (string System, string User) Messages(JsonObject request)
    {
        var messages = request["messages"]!.AsArray();
        return (Content(messages.First(m => (string?)m!["role"] == "system")!), Content(messages.First(m => (string?)m!["role"] == "user")!));
    }

    private static string Content(JsonNode message) => message["content"] switch
    {
        JsonValue v => v.GetValue<string>(),
        JsonArray parts => string.Concat(parts.Select(p => (string?)p!["text"])),
        _ => "",
    };

    public static Func<HttpContext, JsonObject, Task> Status(int status, params (string Name, string Value)[] headers) => async (context, _) =>
    {
        context.Response.StatusCode = status;
        foreach (var (name, value) in headers) context.Response.Headers[name] = value;
        context.Response.ContentType = "application/json";
        var error = new JsonObject { ["error"] = new JsonObject { ["code"] = status.ToString(System.Globalization.CultureInfo.InvariantCulture), ["message"] = $"scripted failure {status}" } };
        await context.Response.WriteAsync(error.ToJsonString());
    };

    public static Func<HttpContext, JsonObject, Task> Slow(TimeSpan delay) => async (context, request) =>
    {
        try { await Task.Delay(delay, context.RequestAborted); }
        catch (OperationCanceledException) { return; }
        await WriteCompletionAsync(context, "late answer [1]");
    };

    public static Func<HttpContext, JsonObject, Task> Malformed() => async (context, _) =>
    {
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync("""{"id":"chatcmpl-x","choices":[{"message":{"role":"assist""");
    };

    private async Task HandleAsync(HttpContext context)
    {
        if (context.Request.Path != "/openai/v1/chat/completions" || context.Request.Headers.Authorization != $"Bearer {ApiKey}")
        {
            await Status(404)(context, new JsonObject());
            return;
        }
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var request = JsonNode.Parse(await reader.ReadToEndAsync())!.AsObject();
        Requests.Enqueue(request);
        if (_script.TryDequeue(out var behaviour)) await behaviour(context, request);
        else await WriteCompletionAsync(context, Reply(request));
    }

    private static Task WriteCompletionAsync(HttpContext context, string text)
    {
        context.Response.ContentType = "application/json";
        var body = new JsonObject
        {
            ["id"] = "chatcmpl-test",
            ["object"] = "chat.completion",
            ["created"] = 1_790_000_000,
            ["model"] = Model,
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = text },
                ["finish_reason"] = "stop",
            }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = 900, ["completion_tokens"] = 60, ["total_tokens"] = 960 },
        };
        return context.Response.WriteAsync(body.ToJsonString());
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
