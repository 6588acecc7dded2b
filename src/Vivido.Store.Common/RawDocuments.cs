using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace Vivido.Store.Common;

/// <summary>
/// Compression and hashing of raw evidence documents, done here rather than in SQL so both stores
/// produce the same bytes. Rows written before migration 0003 hold the document as text
/// (<c>raw_document</c>); they are served as their UTF-8 bytes, hashed on read.
/// </summary>
public static class RawDocuments
{
    /// <summary>The document's UTF-8 bytes, compressed, with their hash and length; null for no document.</summary>
    public static PackedRaw? Pack(string? document)
    {
        if (document is null)
        {
            return null;
        }

        var bytes = Encoding.UTF8.GetBytes(document);
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        return new PackedRaw(buffer.ToArray(), Sha256(bytes), bytes.LongLength);
    }

    /// <summary>The stored document's bytes: <paramref name="gzip"/> decompressed, else the legacy text's UTF-8 bytes, else null.</summary>
    public static byte[]? Unpack(byte[]? gzip, string? legacyText)
    {
        if (gzip is null)
        {
            return legacyText is null ? null : Encoding.UTF8.GetBytes(legacyText);
        }

        using var input = new GZipStream(new MemoryStream(gzip), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }

    /// <summary>Lowercase hex SHA-256 of <paramref name="bytes"/>.</summary>
    public static string Sha256(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>Hash and size of a legacy text document (for lists), computed from its UTF-8 bytes.</summary>
    public static (string Sha256, long Size) Describe(string legacyText)
    {
        ArgumentNullException.ThrowIfNull(legacyText);
        var bytes = Encoding.UTF8.GetBytes(legacyText);
        return (Sha256(bytes), bytes.LongLength);
    }
}
