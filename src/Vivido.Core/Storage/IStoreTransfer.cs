namespace Vivido.Core.Storage;

/// <summary>Row-for-row export and import of the <see cref="StoreSchema"/> tables, for <c>vivido db copy</c> between stores.</summary>
public interface IStoreTransfer
{
    /// <summary>
    /// Streams every row of <paramref name="table"/> in <see cref="TransferTable.Key"/> order, one value
    /// per <see cref="TransferTable.Columns"/> entry, typed as <see cref="TransferColumnKind"/> says (null where allowed).
    /// </summary>
    IAsyncEnumerable<object?[]> ReadTableAsync(TransferTable table, CancellationToken cancellationToken = default);

    /// <summary>
    /// Inserts the rows into <paramref name="table"/>, which must be empty (<see cref="InvalidOperationException"/>
    /// otherwise), in one transaction, keeping ids as given; afterwards new ids continue after the largest copied one.
    /// Returns the number of rows written.
    /// </summary>
    Task<long> WriteTableAsync(TransferTable table, IAsyncEnumerable<object?[]> rows, CancellationToken cancellationToken = default);
}
