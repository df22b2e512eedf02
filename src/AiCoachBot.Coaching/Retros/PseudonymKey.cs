using System.Security.Cryptography;

namespace AiCoachBot.Coaching.Retros;

/// <summary>
/// The service's own secret behind every retro pseudonym (<c>Retros:PseudonymKey</c>, else a key file beside the
/// database, never in it): with the database alone, nobody can tell whose pseudonym is whose.
/// </summary>
public sealed class PseudonymKey(byte[] bytes)
{
    public const int MinimumBytes = 32;

    public byte[] Bytes { get; } = bytes.Length >= MinimumBytes ? bytes : throw new ArgumentException($"A pseudonym key needs at least {MinimumBytes} bytes.", nameof(bytes));

    public static PseudonymKey Random() => new(RandomNumberGenerator.GetBytes(MinimumBytes));

    /// <summary>A base64 key of at least 32 bytes, or null.</summary>
    public static PseudonymKey? Parse(string? base64)
    {
        if (string.IsNullOrWhiteSpace(base64)) return null;
        var buffer = new byte[base64.Length];
        return Convert.TryFromBase64String(base64.Trim(), buffer, out var length) && length >= MinimumBytes ? new PseudonymKey(buffer[..length]) : null;
    }
}
