using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Vivido.Benchmarks.Common;

/// <summary>Well-formed, reproducible digests: the same name always gives the same digest.</summary>
internal static class BenchDigests
{
    public static string For(string name) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)));

    public static string ForIndex(string prefix, long index) => For(prefix + index.ToString(CultureInfo.InvariantCulture));
}
