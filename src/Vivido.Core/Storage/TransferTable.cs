namespace Vivido.Core.Storage;

/// <summary>A table as every store holds it: its name and its columns in order, each nullable or not.</summary>
/// <param name="Name">The table name, the same in every store.</param>
/// <param name="Key">The column rows are read in order of (unique, increasing for id tables).</param>
/// <param name="Columns">The columns, in transfer order.</param>
public sealed record TransferTable(string Name, string Key, IReadOnlyList<TransferColumn> Columns);

/// <summary>One column of a <see cref="TransferTable"/>.</summary>
/// <param name="Name">The column name.</param>
/// <param name="Kind">Its store-neutral type.</param>
/// <param name="Nullable">Whether it may be null.</param>
public sealed record TransferColumn(string Name, TransferColumnKind Kind, bool Nullable = false);
