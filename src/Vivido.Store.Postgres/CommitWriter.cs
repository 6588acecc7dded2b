using Npgsql;
using Vivido.Core.Storage;
using Vivido.Store.Common;

namespace Vivido.Store.Postgres;

/// <summary>
/// One transition commit in (at least) two round trips: the first locks the chain head and reads the
/// image (and locks the override it confirms); the last writes the image's compare-and-swap, the
/// history entries, the outbox rows and the new chain head, with COMMIT. Effects run in between, one
/// round trip each, before the image's own state change so a superseded exclusive holder has left
/// before the new one enters. The chain lock makes the version read in the first round trip the one
/// the compare-and-swap meets: every writer of versions takes that lock first.
/// </summary>
internal sealed class CommitWriter(WriteTransaction transaction, TransitionCommit commit, CancellationToken cancellationToken)
{
    private const string CompareAndSwap =
        "UPDATE images SET state = $1, version = version + 1, entered_state_at = $2, exclusive = $3 WHERE id = $4 AND version = $5";

    private const string MoveOthers =
        "UPDATE images SET state = $1, version = version + 1, entered_state_at = $2, exclusive = $3 " +
        "WHERE repository = $4 AND state = $5 AND id <> $6 RETURNING id, digest";

    private const string LockOverride =
        "SELECT o.status, i.digest FROM pending_overrides o JOIN images i ON i.id = o.image_id WHERE o.id = $1 FOR UPDATE OF o";

    private const string InsertOutbox = "INSERT INTO outbox (seq, topic, payload, created_at) VALUES ($1, $2, $3, $4)";

    public async Task<CommitResult> WriteAsync()
    {
        var (chain, stored, pending) = await LoadAsync().ConfigureAwait(false);
        if (!CommitChecks.Precondition(commit, stored, out var conflict))
        {
            return conflict;
        }

        if (commit.ConfirmsOverrideId is { } overrideId
            && CommitChecks.Confirmation(commit, overrideId, pending?.Status, pending?.Digest) is { } notPending)
        {
            return notPending;
        }

        var moved = new List<(EffectTransition Effect, long Id, string Digest)>();
        foreach (var effect in commit.Effects)
        {
            try
            {
                var rows = await transaction.Connection.Command(MoveOthers)
                    .With(effect.ToState).WithTime(commit.At).With(IsExclusive(effect.ToState)).With(stored.Image.Repository).With(effect.FromState).With(stored.Id)
                    .ListAsync(r => (Id: r.GetInt64(0), Digest: r.GetString(1)), cancellationToken).ConfigureAwait(false);
                moved.AddRange(rows.OrderBy(r => r.Id).Select(r => (effect, r.Id, r.Digest)));
            }
            catch (PostgresException e) when (IsExclusiveViolation(e))
            {
                return new ExclusiveStateOccupied(commit.Digest, effect.ToState, null);
            }
        }

        var write = transaction.Batch();
        await using (write.ConfigureAwait(false))
        {
            if (commit.ConfirmsOverrideId is { } confirmed)
            {
                write.Add(OverrideRows.Resolve).With(confirmed).With(OverrideStatus.Confirmed.ToName()).With(commit.Actor).WithTime(commit.At).With((string?)null);
            }

            var swap = write.Add(CompareAndSwap).With(commit.To).WithTime(commit.At).With(IsExclusive(commit.To)).With(stored.Id).With(commit.ExpectedVersion);
            var entry = chain.Append(write, stored.Id, HistoryDrafts.Commit(commit));
            var effects = moved.Select(m => chain.Append(write, m.Id, HistoryDrafts.Effect(commit, m.Effect, m.Digest))).ToList();
            foreach (var message in commit.Outbox)
            {
                write.Add(InsertOutbox).With(entry.Seq).With(message.Topic).With(message.Payload).WithTime(commit.At);
            }

            chain.MoveHead(write);
            try
            {
                await transaction.ExecuteAsync(write, commit: true, cancellationToken).ConfigureAwait(false);
            }
            catch (PostgresException e) when (IsExclusiveViolation(e))
            {
                return new ExclusiveStateOccupied(commit.Digest, commit.To, null);
            }

            if (swap.RecordsAffected != 1)
            {
                throw new InvalidOperationException(
                    $"the compare-and-swap of {commit.Digest} matched no row under the chain lock: something changed images without taking the chain head lock");
            }

            return CommitChecks.Committed(commit, stored, entry, effects);
        }
    }

    /// <summary>True for the unique index that keeps one image per repository in an exclusive state.</summary>
    public static bool IsExclusiveViolation(PostgresException e) =>
        e.SqlState == PostgresErrorCodes.UniqueViolation && e.ConstraintName == "ux_images_exclusive";

    private bool IsExclusive(string state) => commit.ExclusiveStates.Contains(state, StringComparer.Ordinal);

    private async Task<(ChainWriter Chain, StoredImage? Stored, (OverrideStatus Status, string Digest)? Pending)> LoadAsync()
    {
        var load = transaction.Batch();
        await using (load.ConfigureAwait(false))
        {
            load.Add(ChainWriter.LockHead);
            load.Add(ImageRows.SelectByDigest).With(commit.Digest);
            if (commit.ConfirmsOverrideId is { } overrideId)
            {
                load.Add(LockOverride).With(overrideId);
            }

            var reader = await transaction.ReadAsync(load, cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                var chain = await ChainWriter.ReadHeadAsync(reader, cancellationToken).ConfigureAwait(false);
                await reader.NextAsync(cancellationToken).ConfigureAwait(false);
                var stored = await reader.FirstRowAsync(ImageRows.Map, cancellationToken).ConfigureAwait(false);
                (OverrideStatus, string)? pending = null;
                if (commit.ConfirmsOverrideId is not null)
                {
                    await reader.NextAsync(cancellationToken).ConfigureAwait(false);
                    var rows = await reader.RowsAsync(r => (StorageNames.ParseOverrideStatus(r.GetString(0)), r.GetString(1)), cancellationToken).ConfigureAwait(false);
                    pending = rows.Count > 0 ? rows[0] : null;
                }

                return (chain, stored, pending);
            }
        }
    }
}
