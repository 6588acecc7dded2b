using Microsoft.Data.Sqlite;
using Vivido.Core.Storage;
using Vivido.Store.Common;

namespace Vivido.Store.Sqlite;

public sealed partial class SqliteStore
{
    // Nested in the group-commit savepoint: an occupied exclusive state undoes this commit's writes alone.
    private const string CommitSavepoint = "vivido_commit";

    private const int SqliteConstraintUnique = 2067;

    /// <inheritdoc />
    public Task<CommitResult> CommitTransitionAsync(TransitionCommit commit, CancellationToken cancellationToken = default)
    {
        StoreArguments.RequireCommit(commit);
        return _database.WriteAsync<CommitResult>(
            async (connection, transaction) =>
            {
                var stored = await ImageRows.FindAsync(connection, transaction, commit.Digest, cancellationToken).ConfigureAwait(false);
                if (!CommitChecks.Precondition(commit, stored, out var conflict))
                {
                    return conflict;
                }

                transaction.Save(CommitSavepoint);
                var writer = new CommitWriter(connection, transaction, stored, commit, cancellationToken);
                try
                {
                    var result = await writer.WriteAsync().ConfigureAwait(false);
                    transaction.Release(CommitSavepoint);
                    return result;
                }
                catch (SqliteException ex) when (ex.SqliteExtendedErrorCode == SqliteConstraintUnique && writer.Entering is { } state)
                {
                    // SQLite undid the failing statement only; the holder is read before the rest is undone.
                    var holder = await connection.Command(
                            "SELECT digest FROM images WHERE repository = @r AND state = @s AND exclusive = 1 LIMIT 1", transaction)
                        .With("@r", stored.Image.Repository).With("@s", state)
                        .FirstOrDefaultAsync(r => r.GetString(0), cancellationToken).ConfigureAwait(false);
                    transaction.Rollback(CommitSavepoint);
                    transaction.Release(CommitSavepoint);
                    return new ExclusiveStateOccupied(commit.Digest, state, holder);
                }
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<HistoryEntry?> AppendRejectionAsync(RejectionRecord rejection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rejection);
        return _database.WriteAsync(
            async (connection, transaction) =>
            {
                var stored = await ImageRows.FindAsync(connection, transaction, rejection.Digest, cancellationToken).ConfigureAwait(false);
                if (stored is null || (rejection.ExpectedVersion is { } expected && expected != stored.Image.Version))
                {
                    return null;
                }

                if (rejection.TimerEvent is { } timerEvent)
                {
                    var recorded = await connection.Command(
                            "INSERT INTO timer_firings (image_id, state, entered_state_at, event, fired_at) VALUES (@id, @state, @entered, @event, @at) " +
                            "ON CONFLICT DO NOTHING",
                            transaction)
                        .With("@id", stored.Id).With("@state", stored.Image.State).With("@entered", Micros.FromTime(stored.Image.EnteredStateAt))
                        .With("@event", timerEvent).With("@at", Micros.FromTime(rejection.At))
                        .ExecuteAsync(cancellationToken).ConfigureAwait(false);
                    if (recorded == 0)
                    {
                        return null;
                    }
                }

                var draft = HistoryDrafts.Rejection(rejection, stored.Image.State);
                return await new HistoryWriter(connection, transaction).AppendAsync(stored.Id, draft, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<PendingOverride?> RecordOverrideAsync(OverrideRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _database.WriteAsync(
            async (connection, transaction) =>
            {
                var stored = await ImageRows.FindAsync(connection, transaction, request.Digest, cancellationToken).ConfigureAwait(false);
                return stored is null
                    ? null
                    : await OverrideRows.InsertAsync(connection, transaction, stored.Id, request, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<PendingOverride?> FindOverrideAsync(long id, CancellationToken cancellationToken = default) =>
        _database.ReadAsync((connection, transaction) => OverrideRows.FindAsync(connection, transaction, id, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<PendingOverride>> ListPendingOverridesAsync(string digest, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(digest);
        return _database.ReadAsync<IReadOnlyList<PendingOverride>>(
            async (connection, transaction) => await connection
                .Command($"{OverrideColumns.Select} WHERE i.digest = @digest AND o.status = 'pending' ORDER BY o.id", transaction)
                .With("@digest", digest).ListAsync(OverrideRows.Map, cancellationToken).ConfigureAwait(false),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<PendingOverride?> RejectOverrideAsync(long id, string actor, string? reason, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return _database.WriteAsync(
            async (connection, transaction) =>
            {
                var pending = await OverrideRows.FindAsync(connection, transaction, id, cancellationToken).ConfigureAwait(false);
                if (pending is null || pending.Status != OverrideStatus.Pending)
                {
                    return null;
                }

                await OverrideRows.ResolveAsync(connection, transaction, id, OverrideStatus.Rejected, actor, reason, at, cancellationToken).ConfigureAwait(false);
                return await OverrideRows.FindAsync(connection, transaction, id, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);
    }
}
