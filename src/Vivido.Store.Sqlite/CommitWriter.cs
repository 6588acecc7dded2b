using Microsoft.Data.Sqlite;
using Vivido.Core.Storage;
using Vivido.Store.Common;

namespace Vivido.Store.Sqlite;

/// <summary>
/// The writes of one committed transition, after its compare-and-swap precondition held: the override
/// confirmation, the effects (first, so a superseded Active digest has left before the new one enters),
/// the image's own state change, its history entry before the effects' entries, and the outbox rows.
/// </summary>
internal sealed class CommitWriter(
    SqliteConnection connection, SqliteTransaction transaction, StoredImage stored, TransitionCommit commit, CancellationToken cancellationToken)
{
    private const string CompareAndSwap =
        "UPDATE images SET state = @to, version = version + 1, entered_state_at = @at, exclusive = @exclusive WHERE id = @id AND version = @expected";

    private const string InsertOutbox =
        "INSERT INTO outbox (seq, topic, payload, created_at) VALUES (@seq, @topic, @payload, @at)";

    /// <summary>The exclusive state an image is being moved into while its UPDATE runs; null otherwise.</summary>
    public string? Entering { get; private set; }

    public async Task<CommitResult> WriteAsync()
    {
        if (commit.ConfirmsOverrideId is { } overrideId)
        {
            var pending = await OverrideRows.FindAsync(connection, transaction, overrideId, cancellationToken).ConfigureAwait(false);
            if (CommitChecks.Confirmation(commit, overrideId, pending?.Status, pending?.Digest) is { } notPending)
            {
                return notPending;
            }

            await OverrideRows.ResolveAsync(connection, transaction, overrideId, OverrideStatus.Confirmed, commit.Actor, null, commit.At, cancellationToken)
                .ConfigureAwait(false);
        }

        var moved = new List<(EffectTransition Effect, long Id, string Digest)>();
        foreach (var effect in commit.Effects)
        {
            var targets = await connection.Command(
                    "SELECT id, digest, version FROM images WHERE repository = @r AND state = @from AND id <> @cause ORDER BY id", transaction)
                .With("@r", stored.Image.Repository).With("@from", effect.FromState).With("@cause", stored.Id)
                .ListAsync(r => (Id: r.GetInt64(0), Digest: r.GetString(1), Version: r.GetInt64(2)), cancellationToken).ConfigureAwait(false);
            foreach (var target in targets)
            {
                await MoveAsync(target.Id, target.Version, effect.ToState).ConfigureAwait(false);
                moved.Add((effect, target.Id, target.Digest));
            }
        }

        if (await MoveAsync(stored.Id, commit.ExpectedVersion, commit.To).ConfigureAwait(false) != 1)
        {
            throw new InvalidOperationException("compare-and-swap failed under the write lock");
        }

        var history = new HistoryWriter(connection, transaction);
        var entry = await history.AppendAsync(stored.Id, HistoryDrafts.Commit(commit), cancellationToken).ConfigureAwait(false);
        var effects = new List<HistoryEntry>(moved.Count);
        foreach (var (effect, id, digest) in moved)
        {
            effects.Add(await history.AppendAsync(id, HistoryDrafts.Effect(commit, effect, digest), cancellationToken).ConfigureAwait(false));
        }

        foreach (var message in commit.Outbox)
        {
            await connection.Command(InsertOutbox, transaction)
                .With("@seq", entry.Seq).With("@topic", message.Topic).With("@payload", message.Payload).With("@at", Micros.FromTime(commit.At))
                .ExecuteAsync(cancellationToken).ConfigureAwait(false);
        }

        return CommitChecks.Committed(commit, stored, entry, effects);
    }

    private async Task<int> MoveAsync(long id, long expectedVersion, string to)
    {
        var exclusive = commit.ExclusiveStates.Contains(to, StringComparer.Ordinal);
        Entering = exclusive ? to : null;
        var rows = await connection.Command(CompareAndSwap, transaction)
            .With("@to", to).With("@at", Micros.FromTime(commit.At)).With("@exclusive", exclusive ? 1 : 0)
            .With("@id", id).With("@expected", expectedVersion)
            .ExecuteAsync(cancellationToken).ConfigureAwait(false);
        Entering = null;
        return rows;
    }
}
