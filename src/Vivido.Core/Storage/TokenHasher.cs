using System.Security.Cryptography;
using System.Text;

namespace Vivido.Core.Storage;

/// <summary>The one way a raw API token becomes the hash that stores keep and look up.</summary>
public static class TokenHasher
{
    /// <summary>Lowercase hex SHA-256 of the token's UTF-8 bytes.</summary>
    public static string Hash(string rawToken)
    {
        ArgumentNullException.ThrowIfNull(rawToken);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(rawToken)));
    }
}
