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
}
