using Microsoft.Data.Sqlite;
using Vivido.Core.Storage;

namespace Vivido.Store.Sqlite;

public sealed partial class SqliteStore
{
    private const string CompareAndSwap =
        "UPDATE images SET state = @to, version = version + 1, entered_state_at = @at WHERE id = @id AND version = @expected";

    private const string InsertOutbox =
        "INSERT INTO outbox (seq, topic, payload, created_at) VALUES (@seq, @topic, @payload, @at)";

    /// <inheritdoc />
    public Task<CommitResult> CommitTransitionAsync(TransitionCommit commit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commit);
        if (commit.Kind == HistoryKind.Rejected)
        {
            throw new ArgumentException("a rejection is appended with AppendRejectionAsync, not committed", nameof(commit));
        }

        return _database.WriteAsync<CommitResult>(
            async (connection, transaction) =>
            {
                var stored = await ImageRows.FindAsync(connection, transaction, commit.Digest, cancellationToken).ConfigureAwait(false);
                if (stored is null || stored.Image.Version != commit.ExpectedVersion)
                {
                    return new VersionConflict(commit.Digest, commit.ExpectedVersion, stored?.Image.Version);
                }

                if (stored.Image.State != commit.From)
                {
                    throw new ArgumentException($"commit says from {commit.From} but {commit.Digest} is {stored.Image.State} at that version", nameof(commit));
                }

                if (commit.ConfirmsOverrideId is { } overrideId)
                {
                    var pending = await OverrideRows.FindAsync(connection, transaction, overrideId, cancellationToken).ConfigureAwait(false);
                    if (pending is null || pending.Status != OverrideStatus.Pending || pending.Digest != commit.Digest)
                    {
                        return new OverrideNotPending(overrideId, pending?.Status);
                    }

                    await OverrideRows.ResolveAsync(connection, transaction, overrideId, OverrideStatus.Confirmed, commit.Actor, null, commit.At, cancellationToken)
                        .ConfigureAwait(false);
                }

                var swapped = await connection.Command(CompareAndSwap, transaction)
                    .With("@to", commit.To).With("@at", Micros.FromTime(commit.At)).With("@id", stored.Id).With("@expected", commit.ExpectedVersion)
                    .ExecuteAsync(cancellationToken).ConfigureAwait(false);
                if (swapped != 1)
                {
                    throw new InvalidOperationException("compare-and-swap failed under the write lock");
                }

                var history = new HistoryWriter(connection, transaction);
                var entry = await history.AppendAsync(
                    stored.Id,
                    HistoryWriter.Draft(commit.Digest, commit.Kind, commit.Event, commit.From, commit.To, commit.Actor, commit.Reason, commit.Params, commit.At, commit.Detail),
                    cancellationToken).ConfigureAwait(false);
                var effects = new List<HistoryEntry>();
                foreach (var effect in commit.Effects)
                {
                    effects.AddRange(await ApplyEffectAsync(connection, transaction, history, stored, commit, effect, cancellationToken).ConfigureAwait(false));
                }

                foreach (var message in commit.Outbox)
                {
                    await connection.Command(InsertOutbox, transaction)
                        .With("@seq", entry.Seq).With("@topic", message.Topic).With("@payload", message.Payload).With("@at", Micros.FromTime(commit.At))
                        .ExecuteAsync(cancellationToken).ConfigureAwait(false);
                }

                var image = stored.Image with { State = commit.To, Version = commit.ExpectedVersion + 1, EnteredStateAt = entry.At };
                return new Committed(entry, image, effects);
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
                if (stored is null)
                {
                    return null;
                }

                var draft = HistoryWriter.Draft(
                    rejection.Digest, HistoryKind.Rejected, rejection.Event, stored.Image.State, null, rejection.Actor,
                    rejection.Reason, rejection.Params, rejection.At, rejection.Detail);
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
                .Command($"{OverrideRows.Select} WHERE i.digest = @digest AND o.status = 'pending' ORDER BY o.id", transaction)
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

    private static async Task<List<HistoryEntry>> ApplyEffectAsync(
        SqliteConnection connection, SqliteTransaction transaction, HistoryWriter history, StoredImage cause,
        TransitionCommit commit, EffectTransition effect, CancellationToken cancellationToken)
    {
        var targets = await connection.Command(
                "SELECT id, digest, version FROM images WHERE repository = @r AND state = @from AND id <> @cause ORDER BY id", transaction)
            .With("@r", cause.Image.Repository).With("@from", effect.FromState).With("@cause", cause.Id)
            .ListAsync(r => (Id: r.GetInt64(0), Digest: r.GetString(1), Version: r.GetInt64(2)), cancellationToken).ConfigureAwait(false);
        var entries = new List<HistoryEntry>(targets.Count);
        var detail = $"effect of {commit.Event} on {commit.Digest}";
        foreach (var target in targets)
        {
            await connection.Command(CompareAndSwap, transaction)
                .With("@to", effect.ToState).With("@at", Micros.FromTime(commit.At)).With("@id", target.Id).With("@expected", target.Version)
                .ExecuteAsync(cancellationToken).ConfigureAwait(false);
            entries.Add(await history.AppendAsync(
                target.Id,
                HistoryWriter.Draft(target.Digest, HistoryKind.Accepted, effect.Event, effect.FromState, effect.ToState, commit.Actor, commit.Reason, NoParams, commit.At, detail),
                cancellationToken).ConfigureAwait(false));
        }

        return entries;
    }
}
