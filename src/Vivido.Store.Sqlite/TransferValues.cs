using Microsoft.Data.Sqlite;
using Vivido.Store.Common;

namespace Vivido.Store.Sqlite;

/// <summary>Store-neutral transfer values as SQLite stores them: booleans as 0/1, times as <see cref="Micros"/>.</summary>
internal static class TransferValues
{
    /// <summary>Sets the insert's parameters from a row that passed <see cref="TransferRows.Check"/>.</summary>
    public static void Bind(IReadOnlyList<SqliteParameter> parameters, object?[] row)
    {
        for (var i = 0; i < row.Length; i++)
        {
            parameters[i].Value = row[i] switch
            {
                null => DBNull.Value,
                bool value => value ? 1L : 0L,
                DateTimeOffset value => Micros.FromTime(value),
                var value => value,
            };
        }
    }
}
