using System.Data.Common;
using Vivido.Core.Storage;

namespace Vivido.Store.Common;

/// <summary>The columns of a token row and how to read them.</summary>
public static class TokenColumns
{
    /// <summary>The columns <see cref="Read"/> expects, in order.</summary>
    public const string List = "name, hash, roles, repository_patterns, created_at, created_by, revoked_at";

    /// <summary>The token in the current row.</summary>
    public static TokenRecord Read(DbDataReader reader, TimeReader time) => new(
        reader.GetString(0), reader.GetString(1), JsonColumns.ParseList(reader.GetString(2)), JsonColumns.ParseList(reader.GetString(3)),
        time.Read(reader, 4), reader.GetString(5), time.ReadNullable(reader, 6));
}
