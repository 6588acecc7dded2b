using System.Data.Common;

namespace Vivido.Store.Common;

/// <summary>Reading nullable text the same way from any provider's reader.</summary>
public static class DataReaderExtensions
{
    /// <summary>The text in column <paramref name="ordinal"/>, or null when the column is null.</summary>
    public static string? NullableString(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
