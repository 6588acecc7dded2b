using System.Security.Cryptography;
using System.Text;

namespace Vivido.Server.Tests.Support;

/// <summary>Fresh, well-formed digests.</summary>
internal static class TestDigests
{
    public static string New() => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Guid.NewGuid().ToString())));

    public static string NewRepository(string prefix = "team-a") => $"{prefix}/app-{Guid.NewGuid():N}"[..(prefix.Length + 13)];
}
