using Npgsql;

namespace Vivido.Benchmarks.Postgres;

/// <summary>
/// Samples <c>pg_stat_activity</c> of one database every few milliseconds to see what the holder of
/// the chain-head lock is doing. Every transaction that writes history locks that row first
/// (<c>SELECT ... FOR UPDATE</c>, which assigns a transaction id), and autocommit reads get no
/// transaction id, so the session with a transaction id that is not waiting on a lock is the holder.
/// Its phase is: waiting for the client's next batch (<c>idle in transaction</c>), flushing the WAL at
/// commit, or executing. Sessions waiting on a lock are the queue.
/// </summary>
internal sealed class ChainLockSampler : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(20);

    private const string Query =
        "SELECT state, coalesce(wait_event_type, ''), coalesce(wait_event, ''), backend_xid IS NOT NULL FROM pg_stat_activity " +
        "WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'";

    private readonly NpgsqlConnection _connection;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly ChainLockSamples _samples = new();

    private ChainLockSampler(NpgsqlConnection connection)
    {
        _connection = connection;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Starts sampling on its own unpooled connection to <paramref name="connectionString"/>'s database.</summary>
    public static async Task<ChainLockSampler> StartAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, ApplicationName = "vivido-bench-sampler" }.ConnectionString);
        await connection.OpenAsync().ConfigureAwait(false);
        return new ChainLockSampler(connection);
    }

    /// <summary>Stops sampling and returns what was seen.</summary>
    public async Task<ChainLockSamples> StopAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        return _samples;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await _stop.CancelAsync().ConfigureAwait(false);
        }

        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (NpgsqlException)
        {
            // Already reported by StopAsync, or the run failed for another reason that is being reported.
        }

        await _connection.DisposeAsync().ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task RunAsync()
    {
        using var timer = new PeriodicTimer(Interval);
        var command = new NpgsqlCommand(Query, _connection);
        await using (command.ConfigureAwait(false))
        {
            await command.PrepareAsync().ConfigureAwait(false);
            try
            {
                while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
                {
                    await SampleAsync(command).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                // Stopped.
            }
        }
    }

    private async Task SampleAsync(NpgsqlCommand command)
    {
        var phase = ChainLockPhase.Free;
        var waiters = 0;
        // Not cancelled mid-query: a cancelled command would leave the count of queries sent uncertain.
        var reader = await command.ExecuteReaderAsync(CancellationToken.None).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(CancellationToken.None).ConfigureAwait(false))
            {
                var (state, waitType, waitEvent, hasXid) = (reader.IsDBNull(0) ? "" : reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetBoolean(3));
                if (waitType == "Lock")
                {
                    waiters++;
                }
                else if (hasXid && phase == ChainLockPhase.Free)
                {
                    phase = PhaseOf(state, waitType, waitEvent);
                }
            }
        }

        _samples.Add(phase, waiters);
    }

    private static ChainLockPhase PhaseOf(string state, string waitType, string waitEvent) =>
        state.StartsWith("idle in transaction", StringComparison.Ordinal) ? ChainLockPhase.Client
        : waitType is "IO" or "LWLock" && waitEvent.StartsWith("WAL", StringComparison.OrdinalIgnoreCase) ? ChainLockPhase.WalFlush
        : ChainLockPhase.Executing;
}
