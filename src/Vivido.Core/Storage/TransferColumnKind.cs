namespace Vivido.Core.Storage;

/// <summary>The store-neutral type of a column in <see cref="StoreSchema"/>, and the .NET type of its values in a transfer.</summary>
public enum TransferColumnKind
{
    /// <summary><see cref="long"/>.</summary>
    Integer,

    /// <summary><see cref="string"/>.</summary>
    Text,

    /// <summary><see cref="bool"/>.</summary>
    Boolean,

    /// <summary><see cref="DateTimeOffset"/> in UTC with microsecond precision.</summary>
    Time,

    /// <summary><see cref="double"/>.</summary>
    Real,

    /// <summary><see cref="byte"/>[] (SQLite BLOB, PostgreSQL bytea).</summary>
    Bytes,
}
