using Npgsql;
using Vivido.Core.Storage;

namespace Vivido.Store.Postgres;

/// <summary>
/// The one pooled data source of a store, and the policy for failures: deadlocks and serialisation
/// failures run the transaction again; work that failed on a dead pooled connection (the server
/// restarted) runs once more on a fresh one when it cannot have been applied; anything else that says
/// the database is unreachable becomes a <see cref="StoreUnavailableException"/> naming the server,
/// never the password; values PostgreSQL cannot store become <see cref="ArgumentException"/>.
/// </summary>
internal sealed class PostgresDatabase : IAsyncDisposable
{
    private const int MaxAttempts = 5;

    private readonly NpgsqlDataSource _source;

    public PostgresDatabase(string connectionString)
    {
        var settings = PostgresConnectionString.WithDefaults(PostgresConnectionString.FromUrl(connectionString));

        // Every statement the store sends is fixed text run many times: prepared once per connection.
        if (!PostgresConnectionString.Sets(settings, "Max Auto Prepare"))
        {
            settings.MaxAutoPrepare = 128;
        }

        if (!PostgresConnectionString.Sets(settings, "Auto Prepare Min Usages"))
        {
            settings.AutoPrepareMinUsages = 2;
        }

        // The store never changes session state, so the reset on return to the pool is pure cost.
        if (!PostgresConnectionString.Sets(settings, "No Reset On Close"))
        {
            settings.NoResetOnClose = true;
        }

        Endpoint = $"{settings.Host}:{settings.Port}/{settings.Database ?? settings.Username}";
        _source = new NpgsqlDataSourceBuilder(settings.ConnectionString).Build();
    }

    /// <summary><c>host:port/database</c>, for messages and the store's description.</summary>
    public string Endpoint { get; }

    public NpgsqlDataSource Source => _source;

    /// <summary>Runs read-only <paramref name="work"/> on a pooled connection (statements in autocommit); retried once on a fresh connection after a connection failure.</summary>
    public Task<T> ReadAsync<T>(Func<NpgsqlConnection, Task<T>> work, CancellationToken cancellationToken) =>
        RunAsync(work, retryOnConnectionLoss: true, cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/>, one write statement in autocommit, on a pooled connection. Run again only
    /// when the server answered that it ended the connection without running it (a pooled connection that
    /// died with a restart); a connection lost without an answer may have applied it, and the message says so.
    /// </summary>
    public Task<T> ExecuteAsync<T>(Func<NpgsqlConnection, Task<T>> work, CancellationToken cancellationToken) =>
        RunAsync(work, retryOnConnectionLoss: false, cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/> as one transaction: the work opens it with its first batch and
    /// commits with its last; if it returns without committing, or throws, the transaction is rolled back.
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<WriteTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var opened = false;
            WriteTransaction? transaction = null;
            try
            {
                var connection = await _source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                await using (connection.ConfigureAwait(false))
                {
                    opened = true;
                    transaction = new WriteTransaction(connection);
                    try
                    {
                        var result = await work(transaction).ConfigureAwait(false);
                        if (transaction.Open)
                        {
                            await RollbackAsync(connection).ConfigureAwait(false);
                        }

                        return result;
                    }
                    catch when (transaction.Open)
                    {
                        await RollbackAsync(connection).ConfigureAwait(false);
                        throw;
                    }
                }
            }
            catch (Exception e) when (PostgresErrors.Classify(e) != PostgresErrors.Kind.Other)
            {
                if (PostgresErrors.Classify(e) == PostgresErrors.Kind.BadInput)
                {
                    throw PostgresErrors.BadInput(e);
                }

                if (transaction is { Committing: true } && !PostgresErrors.ServerAnswered(e))
                {
                    throw new StoreUnavailableException(
                        $"PostgreSQL at {Endpoint}: the connection was lost while committing, so the write may or may not have been applied: {PostgresErrors.Reason(e)}", e)
                    {
                        OutcomeUnknown = true,
                    };
                }

                if (!ShouldRetry(e, opened, attempt))
                {
                    throw Unavailable(e);
                }
            }
        }
    }

    /// <summary>Runs one step of a streamed read, turning connection failures into <see cref="StoreUnavailableException"/>.</summary>
    public async Task<T> GuardAsync<T>(Func<Task<T>> step)
    {
        try
        {
            return await step().ConfigureAwait(false);
        }
        catch (Exception e) when (PostgresErrors.Classify(e) != PostgresErrors.Kind.Other)
        {
            throw Unavailable(e);
        }
    }

    public ValueTask DisposeAsync() => _source.DisposeAsync();

    private async Task<T> RunAsync<T>(Func<NpgsqlConnection, Task<T>> work, bool retryOnConnectionLoss, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var opened = false;
            try
            {
                var connection = await _source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                await using (connection.ConfigureAwait(false))
                {
                    opened = true;
                    return await work(connection).ConfigureAwait(false);
                }
            }
            catch (Exception e) when (PostgresErrors.Classify(e) != PostgresErrors.Kind.Other)
            {
                if (PostgresErrors.Classify(e) == PostgresErrors.Kind.BadInput)
                {
                    throw PostgresErrors.BadInput(e);
                }

                if (opened && !retryOnConnectionLoss && PostgresErrors.Classify(e) == PostgresErrors.Kind.Unavailable && !PostgresErrors.ServerAnswered(e))
                {
                    _source.Clear();
                    throw new StoreUnavailableException(
                        $"PostgreSQL at {Endpoint}: the connection was lost during the write, so it may or may not have been applied: {PostgresErrors.Reason(e)}", e)
                    {
                        OutcomeUnknown = true,
                    };
                }

                if (!ShouldRetry(e, opened, attempt))
                {
                    throw Unavailable(e);
                }
            }
        }
    }

    private static async Task RollbackAsync(NpgsqlConnection connection)
    {
        try
        {
            var rollback = connection.Command("ROLLBACK");
            await using (rollback.ConfigureAwait(false))
            {
                await rollback.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            // A broken connection rolls back by itself on the server; the pool discards it.
        }
    }

    private bool ShouldRetry(Exception e, bool opened, int attempt)
    {
        switch (PostgresErrors.Classify(e))
        {
            case PostgresErrors.Kind.Retry:
                return attempt < MaxAttempts;
            case PostgresErrors.Kind.Unavailable:
                // Idle pooled connections may all have died with the server: drop them, and try once more
                // when this one failed after opening (a stale connection, not an unreachable server).
                _source.Clear();
                return opened && attempt == 1;
            default:
                return false;
        }
    }

    private StoreUnavailableException Unavailable(Exception e) =>
        PostgresErrors.Classify(e) == PostgresErrors.Kind.Retry
            ? new StoreUnavailableException($"PostgreSQL at {Endpoint} kept aborting the transaction ({PostgresErrors.Reason(e)}) after {MaxAttempts} attempts", e)
            : new StoreUnavailableException($"PostgreSQL at {Endpoint} is unavailable: {PostgresErrors.Reason(e)}", e);
}
