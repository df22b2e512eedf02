using AiCoachBot.Coaching.State;

namespace AiCoachBot.Host.Hosting;

internal static class HealthEndpoint
{
    /// <summary>Readiness: 200 when the store answers, 503 otherwise (content was checked at start-up).</summary>
    public static void MapHealth(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/healthz", async (IDocumentStore store, CancellationToken cancellationToken) =>
            await store.IsReachableAsync(cancellationToken)
                ? Results.Json(new { status = "ready" })
                : Results.Json(new { status = "unavailable", reason = "storage unreachable" }, statusCode: StatusCodes.Status503ServiceUnavailable));
}
