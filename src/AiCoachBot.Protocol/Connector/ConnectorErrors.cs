using System.Net;
using System.Text;
using System.Text.Json;
using AiCoachBot.Protocol.Schema;

namespace AiCoachBot.Protocol.Connector;

internal static class ConnectorErrors
{
    public static ConnectorException From(HttpStatusCode status, byte[] body)
    {
        string? code = null;
        try
        {
            var error = JsonSerializer.Deserialize(body, ProtocolJsonContext.Default.ConnectorErrorResponse);
            code = error?.Error?.Code ?? (error?.ErrorCode is { } c ? c.ToString() : null);
        }
        catch (JsonException) { }
        var message = code is null ? $"Connector answered {(int)status}." : $"Connector answered {(int)status} {code}.";
        return new ConnectorException(status, code, message);
    }
}
