using System.Net.Sockets;
using AiCoachBot.Coaching.Content;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace AiCoachBot.Host.Hosting;

/// <summary>Turns a failed start into a short message that says what to fix, instead of a stack trace.</summary>
internal static class StartupFailure
{
    public static string? Explain(Exception exception, IConfiguration configuration) => exception switch
    {
        OptionsValidationException o => "The configuration is not valid:\n  " + string.Join("\n  ", o.Failures) +
            "\nSet these in appsettings.json or as environment variables (for example MicrosoftAppId=..., Storage__DataDirectory=...).",
        ContentValidationException c => c.Message + "\nFix the content files (folder set by Content:RootPath) and start again.",
        IOException io when IsAddressInUse(io) =>
            $"The address {configuration["urls"] ?? "http://127.0.0.1:3978"} is already in use: stop the other process (ss -ltnp) or choose another port with --urls http://127.0.0.1:<port>.",
        UnauthorizedAccessException or IOException => $"Cannot use the data folder: {exception.Message}\nSet Storage__DataDirectory to a folder this user can write.",
        SqliteException s => $"The embedded database cannot be opened: {s.Message}\nCheck Storage:DataDirectory, or move the database file away to start afresh.",
        InvalidOperationException { Message: var m } when m.Contains("newer version of AiCoachBot") => m,
        _ => null,
    };

    private static bool IsAddressInUse(IOException exception) =>
        exception.InnerException is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } ||
        exception.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase);
}
