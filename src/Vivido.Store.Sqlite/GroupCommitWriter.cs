using System.Data;
using Microsoft.Data.Sqlite;

namespace Vivido.Store.Sqlite;

/// <summary>
/// Group commit: writes that arrive while a transaction is being committed are queued and then run
/// together in ONE BEGIN IMMEDIATE transaction, each inside its own savepoint, so one fsync makes the
/// whole batch durable. A write that throws is rolled back to its savepoint alone; no caller hears
/// of success before the batch's COMMIT returned. A lone write runs at once, in a batch of one.
/// </summary>
internal sealed class GroupCommitWriter(Func<CancellationToken, Task<SqliteConnection>> open)
{
    private const int MaxBatch = 256;
    private const string Savepoint = "vivido_write";

    private readonly Lock _lock = new();
    private readonly Queue<PendingWrite> _queue = new();
    private bool _flushing;

    public async Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        var pending = new PendingWrite(async (connection, transaction) => await work(connection, transaction).ConfigureAwait(false), cancellationToken);
        bool start;
        lock (_lock)
        {
            _queue.Enqueue(pending);
            start = !_flushing;
            _flushing = true;
        }

        if (start)
        {
            _ = Task.Run(FlushAsync, CancellationToken.None);
        }

        return (T)(await pending.Completion.Task.ConfigureAwait(false))!;
    }

    private async Task FlushAsync()
    {
        while (true)
        {
            var batch = new List<PendingWrite>();
            lock (_lock)
            {
                while (batch.Count < MaxBatch && _queue.TryDequeue(out var next))
                {
                    batch.Add(next);
                }

                if (batch.Count == 0)
                {
                    _flushing = false;
                    return;
                }
            }

            await RunBatchAsync(batch).ConfigureAwait(false);
        }
    }

    private async Task RunBatchAsync(List<PendingWrite> batch)
    {
        var succeeded = new List<(PendingWrite Write, object? Result)>(batch.Count);
        try
        {
            var connection = await open(CancellationToken.None).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                var transaction = connection.BeginTransaction(IsolationLevel.Serializable, deferred: false);
                await using (transaction.ConfigureAwait(false))
                {
                    foreach (var write in batch)
                    {
                        if (await RunOneAsync(connection, transaction, write).ConfigureAwait(false) is { } result)
                        {
                            succeeded.Add((write, result.Value));
                        }
                    }

                    await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
                }
            }
        }
        catch (Exception failure)
        {
            // The batch did not commit: nothing of it is durable, so every write in it fails.
            foreach (var write in batch)
            {
                write.Completion.TrySetException(failure);
            }

            return;
        }

        foreach (var (write, result) in succeeded)
        {
            write.Completion.TrySetResult(result);
        }
    }

    /// <summary>Runs one write inside a savepoint; returns its result, or null when it failed (and was rolled back alone).</summary>
    private static async Task<WriteOutcome?> RunOneAsync(SqliteConnection connection, SqliteTransaction transaction, PendingWrite write)
    {
        if (write.CancellationToken.IsCancellationRequested)
        {
            write.Completion.TrySetCanceled(write.CancellationToken);
            return null;
        }

        transaction.Save(Savepoint);
        try
        {
            var result = await write.Work(connection, transaction).ConfigureAwait(false);
            transaction.Release(Savepoint);
            return new WriteOutcome(result);
        }
        catch (Exception error)
        {
            // Undo this write alone; if even that fails, the batch fails as a whole (outer catch).
            transaction.Rollback(Savepoint);
            transaction.Release(Savepoint);
            write.Completion.TrySetException(error);
            return null;
        }
    }

    private sealed record WriteOutcome(object? Value);

    private sealed record PendingWrite(Func<SqliteConnection, SqliteTransaction, Task<object?>> Work, CancellationToken CancellationToken)
    {
        public TaskCompletionSource<object?> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
