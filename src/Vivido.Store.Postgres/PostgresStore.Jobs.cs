using Npgsql;
using Vivido.Core.Storage;
using Vivido.Store.Common;

namespace Vivido.Store.Postgres;

public sealed partial class PostgresStore
{
    // One statement decides atomically across replicas: free, renewed by its holder (acquired_at kept), or expired at or before $3.
    private const string AcquireLease =
        $"INSERT INTO leases ({JobColumns.Lease}) VALUES ($1, $2, $3, $4) " +
        "ON CONFLICT (name) DO UPDATE SET " +
        "acquired_at = CASE WHEN leases.holder = EXCLUDED.holder THEN leases.acquired_at ELSE EXCLUDED.acquired_at END, " +
        "holder = EXCLUDED.holder, expires_at = EXCLUDED.expires_at " +
        "WHERE leases.holder = EXCLUDED.holder OR leases.expires_at <= EXCLUDED.acquired_at " +
        $"RETURNING {JobColumns.Lease}";

    private const string DueTimers =
        $"SELECT {JobColumns.DueTimer} FROM images i " +
        "WHERE i.state = $1 AND i.entered_state_at <= $2 AND NOT EXISTS (" +
        "SELECT 1 FROM timer_firings f WHERE f.image_id = i.id AND f.state = i.state AND f.entered_state_at = i.entered_state_at AND f.event = $3) " +
        "ORDER BY i.entered_state_at, i.id LIMIT $4";

    /// <inheritdoc />
    public Task<Lease?> TryAcquireLeaseAsync(string name, string holder, DateTimeOffset at, TimeSpan ttl, CancellationToken cancellationToken = default)
    {
        StoreArguments.RequireLease(name, holder, ttl);
        return _database.ExecuteAsync(
            connection => connection.Command(AcquireLease).With(name).With(holder).WithTime(at).WithTime(at + ttl)
                .FirstOrDefaultAsync(MapLease, cancellationToken),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> ReleaseLeaseAsync(string name, string holder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(holder);
        return _database.ExecuteAsync(
            async connection => await connection.Command("DELETE FROM leases WHERE name = $1 AND holder = $2")
                .With(name).With(holder).ExecuteAsync(cancellationToken).ConfigureAwait(false) > 0,
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Lease>> ListLeasesAsync(CancellationToken cancellationToken = default) =>
        _database.ReadAsync<IReadOnlyList<Lease>>(
            async connection => await connection.Command($"SELECT {JobColumns.Lease} FROM leases ORDER BY name COLLATE \"C\"")
                .ListAsync(MapLease, cancellationToken).ConfigureAwait(false),
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<DueTimer>> ListDueTimersAsync(
        string state, string timerEvent, DateTimeOffset enteredAtOrBefore, int limit, CancellationToken cancellationToken = default)
    {
        StoreArguments.RequireDueTimers(state, timerEvent, limit);
        return _database.ReadAsync<IReadOnlyList<DueTimer>>(
            async connection => await connection.Command(DueTimers).With(state).WithTime(enteredAtOrBefore).With(timerEvent).With((long)limit)
                .ListAsync(r => JobColumns.ReadDueTimer(r, PostgresTimeReader.Instance), cancellationToken).ConfigureAwait(false),
            cancellationToken);
    }

    private static Lease MapLease(NpgsqlDataReader r) => JobColumns.ReadLease(r, PostgresTimeReader.Instance);
}
