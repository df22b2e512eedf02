using System.Text.Json.Nodes;
using AiCoachBot.Protocol.Schema;

namespace AiCoachBot.Protocol.Hosting;

internal static class InvokeErrors
{
    public static InvokeResponse Unavailable { get; } = Error(503, "ServiceUnavailable", "The bot is restarting. Please try again.");

    public static InvokeResponse Error(int status, string code, string message) =>
        InvokeResponse.Of(AdaptiveCardInvokeResponse.Error(status, code, message));

    /// <summary>A malformed invoke value: HTTP 400 as well, so the client does not mistake it for a handled one.</summary>
    public static InvokeResponse BadRequest(string message) =>
        InvokeResponse.Of(AdaptiveCardInvokeResponse.Error(400, "BadRequest", message), httpStatus: 400);
}
