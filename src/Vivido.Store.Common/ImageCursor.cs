using System.Globalization;
using System.Text;

namespace Vivido.Store.Common;

/// <summary>The opaque list cursor: base64url of <c>v1:&lt;last image row id&gt;</c>.</summary>
public static class ImageCursor
{
    private const string Prefix = "v1:";

    /// <summary>The cursor that continues after the image row <paramref name="lastId"/>.</summary>
    public static string Encode(long lastId) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(Prefix + lastId.ToString(CultureInfo.InvariantCulture)))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The last id, or an <see cref="ArgumentException"/> for anything <see cref="Encode"/> did not produce.</summary>
    public static long Decode(string cursor)
    {
        var base64 = cursor.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
        var bytes = new byte[base64.Length];
        if (cursor.Length is 0 or > 64 || !Convert.TryFromBase64String(base64, bytes, out var written))
        {
            throw new ArgumentException("malformed cursor", nameof(cursor));
        }

        var text = Encoding.UTF8.GetString(bytes, 0, written);
        if (!text.StartsWith(Prefix, StringComparison.Ordinal)
            || !long.TryParse(text.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            throw new ArgumentException("malformed cursor", nameof(cursor));
        }

        return id;
    }
}
