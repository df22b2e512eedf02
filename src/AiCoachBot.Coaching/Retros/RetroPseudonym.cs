using System.Security.Cryptography;
using System.Text;

namespace AiCoachBot.Coaching.Retros;

/// <summary>
/// A member's pseudonym in one open retro: an HMAC of their id under the retro's own random key. It cannot be
/// turned back into the id, differs from one retro to the next, and means nothing once the key is erased at closing.
/// </summary>
public static class RetroPseudonym
{
    public static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static string Of(string secret, string userId)
    {
        var mac = HMACSHA256.HashData(Convert.FromBase64String(secret), Encoding.UTF8.GetBytes(userId));
        return Convert.ToBase64String(mac, 0, 12).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
