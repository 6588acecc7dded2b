using Npgsql;

namespace Vivido.Store.Postgres;

/// <summary>
/// One write transaction on one connection, driven by batches so that a transition costs two round
/// trips: the first batch opens it (BEGIN is sent with it) and the last one closes it (COMMIT is sent
/// with it). Work that returns without committing is rolled back by <see cref="PostgresDatabase"/>.
/// </summary>
internal sealed class WriteTransaction(NpgsqlConnection connection)
{
    private bool _begun;

    public NpgsqlConnection Connection => connection;

    /// <summary>True from the moment a batch carrying COMMIT was sent: a lost connection now leaves the outcome unknown.</summary>
    public bool Committing { get; private set; }

    /// <summary>True once a COMMIT went through.</summary>
    public bool Committed { get; private set; }

    /// <summary>True while a transaction is open on the connection (so a failure must be rolled back).</summary>
    public bool Open => _begun && !Committed;

    public NpgsqlBatch Batch() => new(connection);

    /// <summary>Runs <paramref name="batch"/> (opening the transaction first if needed) and returns its reader.</summary>
    public Task<NpgsqlDataReader> ReadAsync(NpgsqlBatch batch, CancellationToken cancellationToken)
    {
        Prepare(batch, commit: false);
        return batch.ExecuteReaderAsync(cancellationToken);
    }

    /// <summary>Runs <paramref name="batch"/> without reading results; with <paramref name="commit"/>, COMMIT goes in the same round trip.</summary>
    public async Task ExecuteAsync(NpgsqlBatch batch, bool commit, CancellationToken cancellationToken)
    {
        Prepare(batch, commit);
        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        Committed = commit;
    }

    /// <summary>Runs <paramref name="batch"/> with COMMIT appended, mapping the rows of the results it returns; the reader is drained before the commit counts as done.</summary>
    public async Task<T> CommitAsync<T>(NpgsqlBatch batch, Func<NpgsqlDataReader, Task<T>> read, CancellationToken cancellationToken)
    {
        Prepare(batch, commit: true);
        var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        T result;
        await using (reader.ConfigureAwait(false))
        {
            result = await read(reader).ConfigureAwait(false);
            while (await reader.NextResultAsync(cancellationToken).ConfigureAwait(false))
            {
            }
        }

        Committed = true;
        return result;
    }

    private void Prepare(NpgsqlBatch batch, bool commit)
    {
        if (!_begun)
        {
            batch.BatchCommands.Insert(0, new NpgsqlBatchCommand("BEGIN ISOLATION LEVEL READ COMMITTED"));
            _begun = true;
        }

        if (commit)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
            Committing = true;
        }
    }
}
