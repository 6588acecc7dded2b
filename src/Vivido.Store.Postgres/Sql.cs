using Npgsql;
using Vivido.Core.Storage;

namespace Vivido.Store.Postgres;

/// <summary>
/// Small helpers so every statement is parameterised without ceremony. Parameters are positional
/// (<c>$1, $2...</c>, added in order) and typed, so Npgsql neither rewrites the SQL nor guesses types.
/// </summary>
internal static class Sql
{
    public static NpgsqlCommand Command(this NpgsqlConnection connection, string text) => new(text, connection);

    public static NpgsqlBatchCommand Add(this NpgsqlBatch batch, string text)
    {
        var command = new NpgsqlBatchCommand(text);
        batch.BatchCommands.Add(command);
        return command;
    }

    public static NpgsqlCommand With<T>(this NpgsqlCommand command, T value)
    {
        command.Parameters.Add(Parameter(value));
        return command;
    }

    public static NpgsqlBatchCommand With<T>(this NpgsqlBatchCommand command, T value)
    {
        command.Parameters.Add(Parameter(value));
        return command;
    }

    /// <summary>A time, normalised as every store keeps it (UTC, whole microseconds).</summary>
    public static NpgsqlCommand WithTime(this NpgsqlCommand command, DateTimeOffset? at) => command.With(at is { } t ? HistoryChain.Normalize(t) : (DateTimeOffset?)null);

    /// <inheritdoc cref="WithTime(NpgsqlCommand, DateTimeOffset?)"/>
    public static NpgsqlBatchCommand WithTime(this NpgsqlBatchCommand command, DateTimeOffset? at) => command.With(at is { } t ? HistoryChain.Normalize(t) : (DateTimeOffset?)null);

    public static async Task<int> ExecuteAsync(this NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using (command.ConfigureAwait(false))
        {
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public static async Task<long?> ScalarInt64Async(this NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using (command.ConfigureAwait(false))
        {
            var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return value is null or DBNull ? null : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    /// <summary>Runs the query and maps every row.</summary>
    public static async Task<List<T>> ListAsync<T>(this NpgsqlCommand command, Func<NpgsqlDataReader, T> map, CancellationToken cancellationToken)
    {
        await using (command.ConfigureAwait(false))
        {
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                return await reader.RowsAsync(map, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Runs the query and maps the first row, or returns default.</summary>
    public static async Task<T?> FirstOrDefaultAsync<T>(this NpgsqlCommand command, Func<NpgsqlDataReader, T> map, CancellationToken cancellationToken)
    {
        await using (command.ConfigureAwait(false))
        {
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? map(reader) : default;
            }
        }
    }

    /// <summary>Maps every row of the reader's current result.</summary>
    public static async Task<List<T>> RowsAsync<T>(this NpgsqlDataReader reader, Func<NpgsqlDataReader, T> map, CancellationToken cancellationToken)
    {
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    /// <summary>Maps the first row of the reader's current result (reading the rest), or returns default.</summary>
    public static async Task<T?> FirstRowAsync<T>(this NpgsqlDataReader reader, Func<NpgsqlDataReader, T> map, CancellationToken cancellationToken)
    {
        var rows = await reader.RowsAsync(map, cancellationToken).ConfigureAwait(false);
        return rows.Count > 0 ? rows[0] : default;
    }

    /// <summary>Moves to the next result of a batch; throws when the batch has none (a bug in the batch, not in the data).</summary>
    public static async Task NextAsync(this NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        if (!await reader.NextResultAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException("the batch returned fewer results than expected");
        }
    }

    private static NpgsqlParameter<T> Parameter<T>(T value) => new() { TypedValue = value };
}
