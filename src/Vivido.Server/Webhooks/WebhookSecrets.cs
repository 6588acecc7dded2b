using System.Security.Cryptography;
using System.Text;

namespace Vivido.Server.Webhooks;

/// <summary>Constant-time checks of shared secrets and HMAC signatures.</summary>
internal static class WebhookSecrets
{
    /// <summary>True when <paramref name="presented"/> equals <paramref name="secret"/>; hashing first makes the time independent of both lengths.</summary>
    public static bool SecretMatches(string? presented, string secret) =>
        presented is not null &&
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>True when <paramref name="header"/> is <c>sha256=&lt;hex HMAC-SHA256 of body&gt;</c> under <paramref name="secret"/> (GitHub's X-Hub-Signature-256).</summary>
    public static bool SignatureMatches(string? header, byte[] body, string secret)
    {
        const string prefix = "sha256=";
        if (header is null || !header.StartsWith(prefix, StringComparison.Ordinal) || header.Length != prefix.Length + 64)
        {
            return false;
        }

        byte[] presented;
        try
        {
            presented = Convert.FromHexString(header.AsSpan(prefix.Length));
        }
        catch (FormatException)
        {
            return false;
        }

        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body);
        return CryptographicOperations.FixedTimeEquals(presented, expected);
    }
}
