using Microsoft.Data.Sqlite;
using Vivido.Core.Storage;

namespace Vivido.Store.Sqlite;

public sealed partial class SqliteStore
{
    private const string LeaseColumns = "name, holder, acquired_at, expires_at";

    /// <inheritdoc />
    public Task<Lease?> TryAcquireLeaseAsync(string name, string holder, DateTimeOffset at, TimeSpan ttl, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(holder);
        if (ttl <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(ttl), ttl, "a lease lasts a positive time");
        }

        var expires = Micros.FromTime(at + ttl);
        return _database.WriteAsync(
            async (connection, transaction) =>
            {
                var current = await connection.Command($"SELECT {LeaseColumns} FROM leases WHERE name = @name", transaction)
                    .With("@name", name).FirstOrDefaultAsync(MapLease, cancellationToken).ConfigureAwait(false);
                if (current is null)
                {
                    await connection.Command("INSERT INTO leases (name, holder, acquired_at, expires_at) VALUES (@name, @holder, @at, @expires)", transaction)
                        .With("@name", name).With("@holder", holder).With("@at", Micros.FromTime(at)).With("@expires", expires)
                        .ExecuteAsync(cancellationToken).ConfigureAwait(false);
                    return new Lease(name, holder, HistoryChain.Normalize(at), Micros.ToTime(expires));
                }

                if (current.Holder == holder)
                {
                    await connection.Command("UPDATE leases SET expires_at = @expires WHERE name = @name", transaction)
                        .With("@name", name).With("@expires", expires).ExecuteAsync(cancellationToken).ConfigureAwait(false);
                    return current with { ExpiresAt = Micros.ToTime(expires) };
                }

                if (current.ExpiresAt > at)
                {
                    return null;
                }

                await connection.Command("UPDATE leases SET holder = @holder, acquired_at = @at, expires_at = @expires WHERE name = @name", transaction)
                    .With("@name", name).With("@holder", holder).With("@at", Micros.FromTime(at)).With("@expires", expires)
                    .ExecuteAsync(cancellationToken).ConfigureAwait(false);
                return new Lease(name, holder, HistoryChain.Normalize(at), Micros.ToTime(expires));
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> ReleaseLeaseAsync(string name, string holder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(holder);
        return _database.WriteAsync(
            async (connection, transaction) => await connection.Command("DELETE FROM leases WHERE name = @name AND holder = @holder", transaction)
                .With("@name", name).With("@holder", holder).ExecuteAsync(cancellationToken).ConfigureAwait(false) > 0,
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Lease>> ListLeasesAsync(CancellationToken cancellationToken = default) =>
        _database.ReadAsync<IReadOnlyList<Lease>>(
            async (connection, transaction) => await connection.Command($"SELECT {LeaseColumns} FROM leases ORDER BY name", transaction)
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
            async (connection, transaction) => await connection.Command(
                    "SELECT i.digest, i.version, i.entered_state_at FROM images i " +
                    "WHERE i.state = @state AND i.entered_state_at <= @cutoff AND NOT EXISTS (" +
                    "SELECT 1 FROM timer_firings f WHERE f.image_id = i.id AND f.state = i.state AND f.entered_state_at = i.entered_state_at AND f.event = @event) " +
                    "ORDER BY i.entered_state_at, i.id LIMIT @limit",
                    transaction)
                .With("@state", state).With("@cutoff", Micros.FromTime(enteredAtOrBefore)).With("@event", timerEvent).With("@limit", limit)
                .ListAsync(r => new DueTimer(r.GetString(0), r.GetInt64(1), r.Time(2)), cancellationToken).ConfigureAwait(false),
            cancellationToken);
    }

    private static Lease MapLease(SqliteDataReader r) => new(r.GetString(0), r.GetString(1), r.Time(2), r.Time(3));
}
