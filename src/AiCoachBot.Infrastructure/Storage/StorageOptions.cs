using System.ComponentModel.DataAnnotations;

namespace AiCoachBot.Infrastructure.Storage;

public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Folder of the embedded database; relative paths are taken from the app's folder. Created on first run.</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    public string DatabaseFileName { get; set; } = "aicoachbot.db";

    /// <summary>
    /// A PostgreSQL connection string (Npgsql's format): when set, every document lives there instead of the embedded
    /// database, so that several instances can share one truth.
    /// </summary>
    public string? PostgresConnectionString { get; set; }

    public bool UsesPostgres => !string.IsNullOrWhiteSpace(PostgresConnectionString);

    /// <summary>
    /// Sign in to PostgreSQL with Entra ID instead of a password (Azure Database for PostgreSQL): a token for the service's
    /// identity, renewed before it expires. The connection string then names the identity as its user and no password.
    /// </summary>
    public bool PostgresEntraAuthentication { get; set; }

    /// <summary>The client id of the user-assigned managed identity to sign in with; empty = Azure.Identity's default chain.</summary>
    public string? PostgresManagedIdentityClientId { get; set; }
}
