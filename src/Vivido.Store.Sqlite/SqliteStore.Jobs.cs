using Microsoft.Data.Sqlite;
using Vivido.Core.Storage;
using Vivido.Store.Common;

namespace Vivido.Store.Sqlite;

public sealed partial class SqliteStore
{
    /// <inheritdoc />
    public Task<Lease?> TryAcquireLeaseAsync(string name, string holder, DateTimeOffset at, TimeSpan ttl, CancellationToken cancellationToken = default)
    {
        StoreArguments.RequireLease(name, holder, ttl);
        var expires = Micros.FromTime(at + ttl);
        return _database.WriteAsync(
            async (connection, transaction) =>
            {
                var current = await connection.Command($"SELECT {JobColumns.Lease} FROM leases WHERE name = @name", transaction)
                    .With("@name", name).FirstOrDefaultAsync(MapLease, cancellationToken).ConfigureAwait(false);
                if (current is null)
                {
                    await connection.Command($"INSERT INTO leases ({JobColumns.Lease}) VALUES (@name, @holder, @at, @expires)", transaction)
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
            async (connection, transaction) => await connection.Command($"SELECT {JobColumns.Lease} FROM leases ORDER BY name", transaction)
                .ListAsync(MapLease, cancellationToken).ConfigureAwait(false),
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<DueTimer>> ListDueTimersAsync(
        string state, string timerEvent, DateTimeOffset enteredAtOrBefore, int limit, CancellationToken cancellationToken = default)
    {
        StoreArguments.RequireDueTimers(state, timerEvent, limit);
        return _database.ReadAsync<IReadOnlyList<DueTimer>>(
            async (connection, transaction) => await connection.Command(
                    $"SELECT {JobColumns.DueTimer} FROM images i " +
                    "WHERE i.state = @state AND i.entered_state_at <= @cutoff AND NOT EXISTS (" +
                    "SELECT 1 FROM timer_firings f WHERE f.image_id = i.id AND f.state = i.state AND f.entered_state_at = i.entered_state_at AND f.event = @event) " +
                    "ORDER BY i.entered_state_at, i.id LIMIT @limit",
                    transaction)
                .With("@state", state).With("@cutoff", Micros.FromTime(enteredAtOrBefore)).With("@event", timerEvent).With("@limit", limit)
                .ListAsync(r => JobColumns.ReadDueTimer(r, SqliteTimeReader.Instance), cancellationToken).ConfigureAwait(false),
            cancellationToken);
    }

    private static Lease MapLease(SqliteDataReader r) => JobColumns.ReadLease(r, SqliteTimeReader.Instance);
}
