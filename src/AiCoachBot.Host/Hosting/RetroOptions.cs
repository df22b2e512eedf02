namespace AiCoachBot.Host.Hosting;

/// <summary>Retros:* settings.</summary>
public sealed class RetroOptions
{
    public const string Section = "Retros";

    /// <summary>
    /// The secret behind members' pseudonyms in open retros (base64, 32 bytes or more). Unset, a key file is kept in the
    /// data folder; instances sharing a database must share this key (from Key Vault in production).
    /// </summary>
    public string? PseudonymKey { get; set; }
}
