using System.Security.Cryptography;
using System.Text;

namespace Vivido.Replicas.Tests.Support;

/// <summary>Fresh, well-formed digests and repository names.</summary>
internal static class Digests
{
    public static string New() => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Guid.NewGuid().ToString())));

    public static string Repository(string prefix) => $"replicas/{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 18)];
}
