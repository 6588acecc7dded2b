using System.Data.Common;
using Vivido.Core.Storage;

namespace Vivido.Store.Common;

/// <summary>The columns of an image package (table alias <c>p</c>) and how to read them.</summary>
public static class PackageColumns
{
    /// <summary>The columns <see cref="Read"/> expects, in order.</summary>
    public const string List = "p.name, p.version, p.purl, p.purl_base";

    /// <summary>The package whose <see cref="List"/> columns start at <paramref name="offset"/>.</summary>
    public static PackageRecord Read(DbDataReader reader, int offset)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return new PackageRecord(reader.GetString(offset), reader.NullableString(offset + 1), reader.NullableString(offset + 2), reader.NullableString(offset + 3));
    }
}
