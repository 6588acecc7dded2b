using Microsoft.Data.Sqlite;
using Vivido.Core.Storage;
using Vivido.Store.Common;

namespace Vivido.Store.Sqlite;

/// <summary>The pending_overrides table.</summary>
internal static class OverrideRows
{
    private const string Insert =
        "INSERT INTO pending_overrides (image_id, from_state, to_state, expected_version, reason, requested_by, requested_at, status) " +
        "VALUES (@image, @from, @to, @version, @reason, @by, @at, 'pending') RETURNING id";

    private const string Resolve =
        "UPDATE pending_overrides SET status = @status, resolved_by = @by, resolved_at = @at, resolution_reason = @reason WHERE id = @id";

    public static PendingOverride Map(SqliteDataReader r) => OverrideColumns.Read(r, SqliteTimeReader.Instance);

    public static Task<PendingOverride?> FindAsync(SqliteConnection connection, SqliteTransaction transaction, long id, CancellationToken cancellationToken) =>
        connection.Command(OverrideColumns.Select + " WHERE o.id = @id", transaction).With("@id", id).FirstOrDefaultAsync(Map, cancellationToken);

    public static async Task<PendingOverride?> InsertAsync(
        SqliteConnection connection, SqliteTransaction transaction, long imageId, OverrideRequest request, CancellationToken cancellationToken)
    {
        var id = await connection.Command(Insert, transaction)
            .With("@image", imageId).With("@from", request.FromState).With("@to", request.ToState).With("@version", request.ExpectedVersion)
            .With("@reason", request.Reason).With("@by", request.RequestedBy).With("@at", Micros.FromTime(request.At))
            .ScalarInt64Async(cancellationToken).ConfigureAwait(false) ?? throw new InvalidOperationException("INSERT returned no id");
        return await FindAsync(connection, transaction, id, cancellationToken).ConfigureAwait(false);
    }

    public static Task<int> ResolveAsync(
        SqliteConnection connection, SqliteTransaction transaction, long id, OverrideStatus status, string actor, string? reason,
        DateTimeOffset at, CancellationToken cancellationToken) =>
        connection.Command(Resolve, transaction)
            .With("@status", status.ToName()).With("@by", actor).With("@at", Micros.FromTime(at)).With("@reason", reason).With("@id", id)
            .ExecuteAsync(cancellationToken);
}
