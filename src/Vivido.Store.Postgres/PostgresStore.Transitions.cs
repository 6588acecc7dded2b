using Vivido.Core.Storage;
using Vivido.Store.Common;

namespace Vivido.Store.Postgres;

public sealed partial class PostgresStore
{
    // $1 digest, $2 event, $3 fired at, $4 expected version or null: the timer firing of the image's current stay.
    private const string RecordTimerFiring =
        "INSERT INTO timer_firings (image_id, state, entered_state_at, event, fired_at) " +
        "SELECT id, state, entered_state_at, $2, $3 FROM images WHERE digest = $1 AND ($4::bigint IS NULL OR version = $4) " +
        "ON CONFLICT DO NOTHING";

    /// <inheritdoc />
    public async Task<CommitResult> CommitTransitionAsync(TransitionCommit commit, CancellationToken cancellationToken = default)
    {
        StoreArguments.RequireCommit(commit);
        var result = await _database.WriteAsync(transaction => new CommitWriter(transaction, commit, cancellationToken).WriteAsync(), cancellationToken)
            .ConfigureAwait(false);
        if (result is ExclusiveStateOccupied occupied)
        {
            // Read after the rollback: the holder is whoever committed into the state first.
            var holder = await _database.ReadAsync(
                connection => connection.Command(
                        "SELECT h.digest FROM images h JOIN images i ON i.repository = h.repository " +
                        "WHERE i.digest = $1 AND h.state = $2 AND h.exclusive LIMIT 1")
                    .With(commit.Digest).With(occupied.State).FirstOrDefaultAsync(r => r.GetString(0), cancellationToken),
                cancellationToken).ConfigureAwait(false);
            return occupied with { HolderDigest = holder };
        }

        return result;
    }

    /// <inheritdoc />
    public Task<HistoryEntry?> AppendRejectionAsync(RejectionRecord rejection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rejection);
        return _database.WriteAsync(
            async transaction =>
            {
                ChainWriter chain;
                StoredImage? stored;
                var load = transaction.Batch();
                await using (load.ConfigureAwait(false))
                {
                    load.Add(ChainWriter.LockHead);
                    load.Add(ImageRows.SelectByDigest).With(rejection.Digest);
                    var firing = rejection.TimerEvent is { } timerEvent
                        ? load.Add(RecordTimerFiring).With(rejection.Digest).With(timerEvent).WithTime(rejection.At).With(rejection.ExpectedVersion)
                        : null;
                    var reader = await transaction.ReadAsync(load, cancellationToken).ConfigureAwait(false);
                    await using (reader.ConfigureAwait(false))
                    {
                        chain = await ChainWriter.ReadHeadAsync(reader, cancellationToken).ConfigureAwait(false);
                        await reader.NextAsync(cancellationToken).ConfigureAwait(false);
                        stored = await reader.FirstRowAsync(ImageRows.Map, cancellationToken).ConfigureAwait(false);
                        while (await reader.NextResultAsync(cancellationToken).ConfigureAwait(false))
                        {
                        }
                    }

                    // Unknown digest, stale decision, or this timer already fired for this stay: nothing is written (rolled back).
                    if (stored is null || (rejection.ExpectedVersion is { } expected && expected != stored.Image.Version) || firing is { RecordsAffected: 0 })
                    {
                        return null;
                    }
                }

                var write = transaction.Batch();
                await using (write.ConfigureAwait(false))
                {
                    var entry = chain.Append(write, stored.Id, HistoryDrafts.Rejection(rejection, stored.Image.State));
                    chain.MoveHead(write);
                    await transaction.ExecuteAsync(write, commit: true, cancellationToken).ConfigureAwait(false);
                    return entry;
                }
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<PendingOverride?> RecordOverrideAsync(OverrideRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _database.ExecuteAsync(
            async connection =>
            {
                var id = await connection.Command(OverrideRows.Insert)
                    .With(request.Digest).With(request.FromState).With(request.ToState).With(request.ExpectedVersion).With(request.Reason)
                    .With(request.RequestedBy).WithTime(request.At).ScalarInt64Async(cancellationToken).ConfigureAwait(false);
                return id is null
                    ? null
                    : new PendingOverride(
                        id.Value, request.Digest, request.FromState, request.ToState, request.ExpectedVersion, request.Reason, request.RequestedBy,
                        HistoryChain.Normalize(request.At), OverrideStatus.Pending, null, null, null);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<PendingOverride?> FindOverrideAsync(long id, CancellationToken cancellationToken = default) =>
        _database.ReadAsync(
            connection => connection.Command(OverrideColumns.Select + " WHERE o.id = $1").With(id).FirstOrDefaultAsync(OverrideRows.Map, cancellationToken),
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<PendingOverride>> ListPendingOverridesAsync(string digest, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(digest);
        return _database.ReadAsync<IReadOnlyList<PendingOverride>>(
            async connection => await connection.Command(OverrideColumns.Select + " WHERE i.digest = $1 AND o.status = 'pending' ORDER BY o.id")
                .With(digest).ListAsync(OverrideRows.Map, cancellationToken).ConfigureAwait(false),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<PendingOverride?> RejectOverrideAsync(long id, string actor, string? reason, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return _database.ExecuteAsync(
            connection => connection.Command(OverrideRows.Resolve)
                .With(id).With(OverrideStatus.Rejected.ToName()).With(actor).WithTime(at).With(reason)
                .FirstOrDefaultAsync(OverrideRows.Map, cancellationToken),
            cancellationToken);
    }
}
