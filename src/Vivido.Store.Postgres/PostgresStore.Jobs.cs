using Npgsql;
using Vivido.Core.Storage;

namespace Vivido.Store.Postgres;

public sealed partial class PostgresStore
{
    private const string LeaseColumns = "name, holder, acquired_at, expires_at";

    // One statement decides atomically across replicas: free, renewed by its holder (acquired_at kept), or expired at or before $3.
    private const string AcquireLease =
        $"INSERT INTO leases ({LeaseColumns}) VALUES ($1, $2, $3, $4) " +
        "ON CONFLICT (name) DO UPDATE SET " +
        "acquired_at = CASE WHEN leases.holder = EXCLUDED.holder THEN leases.acquired_at ELSE EXCLUDED.acquired_at END, " +
        "holder = EXCLUDED.holder, expires_at = EXCLUDED.expires_at " +
        "WHERE leases.holder = EXCLUDED.holder OR leases.expires_at <= EXCLUDED.acquired_at " +
        $"RETURNING {LeaseColumns}";

    private const string DueTimers =
        "SELECT i.digest, i.version, i.entered_state_at FROM images i " +
        "WHERE i.state = $1 AND i.entered_state_at <= $2 AND NOT EXISTS (" +
        "SELECT 1 FROM timer_firings f WHERE f.image_id = i.id AND f.state = i.state AND f.entered_state_at = i.entered_state_at AND f.event = $3) " +
        "ORDER BY i.entered_state_at, i.id LIMIT $4";

    /// <inheritdoc />
    public Task<Lease?> TryAcquireLeaseAsync(string name, string holder, DateTimeOffset at, TimeSpan ttl, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(holder);
        if (ttl <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(ttl), ttl, "a lease lasts a positive time");
        }

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
            async connection => await connection.Command($"SELECT {LeaseColumns} FROM leases ORDER BY name COLLATE \"C\"")
                .ListAsync(MapLease, cancellationToken).ConfigureAwait(false),
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<DueTimer>> ListDueTimersAsync(
        string state, string timerEvent, DateTimeOffset enteredAtOrBefore, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(timerEvent);
        RequireLimit(limit, nameof(limit));
        return _database.ReadAsync<IReadOnlyList<DueTimer>>(
            async connection => await connection.Command(DueTimers).With(state).WithTime(enteredAtOrBefore).With(timerEvent).With((long)limit)
                .ListAsync(r => new DueTimer(r.GetString(0), r.GetInt64(1), r.Time(2)), cancellationToken).ConfigureAwait(false),
            cancellationToken);
    }

    private static Lease MapLease(NpgsqlDataReader r) => new(r.GetString(0), r.GetString(1), r.Time(2), r.Time(3));
}
