using System.Security.Cryptography;
using System.Text;

namespace AiCoachBot.Coaching.Retros;

/// <summary>
/// A member's pseudonym in one open retro: an HMAC of their id under the service's key and the retro's own random salt.
/// It cannot be turned back into the id, differs from one retro to the next, needs a secret the database does not
/// hold, and means nothing once the salt is erased at closing.
/// </summary>
public static class RetroPseudonym
{
    public static string NewSalt() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));

    public static string Of(PseudonymKey key, string salt, string userId)
    {
        var mac = HMACSHA256.HashData(key.Bytes, Encoding.UTF8.GetBytes(salt + "\n" + userId));
        return Convert.ToBase64String(mac, 0, 12).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
