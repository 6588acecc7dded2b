using Vivido.Core.Images;
using Vivido.Core.Storage;
using Vivido.Store.Common;

namespace Vivido.Store.Sqlite;

public sealed partial class SqliteStore
{
    private const string UpsertDeployment =
        "INSERT INTO deployments (image_id, environment, cluster, namespace, workload, status, first_seen, last_seen) " +
        "VALUES (@image, @env, @cluster, @ns, @workload, @status, @at, @at) " +
        "ON CONFLICT (image_id, environment, cluster, namespace, workload) DO UPDATE SET " +
        "status = CASE WHEN excluded.last_seen >= last_seen THEN excluded.status ELSE status END, last_seen = MAX(last_seen, excluded.last_seen), first_seen = MIN(first_seen, excluded.first_seen)";

    /// <inheritdoc />
    public Task<EvidenceRecord?> AttachEvidenceAsync(EvidenceAttachment attachment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        VulnerabilityColumns.RequireValid(attachment);
        var kind = attachment.Kind;
        var raw = RawDocuments.Pack(attachment.RawDocument);
        return _database.WriteAsync(
            async (connection, transaction) =>
            {
                var imageId = await ImageIdAsync(connection, transaction, attachment.Digest, cancellationToken).ConfigureAwait(false);
                if (imageId is null)
                {
                    return null;
                }

                var id = await connection.Command(
                        "INSERT INTO evidence (image_id, kind, fact, media_type, actor, at, raw_gzip, raw_sha256, raw_size) " +
                        "VALUES (@image, @kind, @fact, @media, @actor, @at, @gzip, @sha, @size) RETURNING id",
                        transaction)
                    .With("@image", imageId).With("@kind", kind.ToName()).With("@fact", JsonColumns.Fact(attachment.Fact))
                    .With("@media", attachment.MediaType).With("@actor", attachment.Actor).With("@at", Micros.FromTime(attachment.At))
                    .With("@gzip", raw?.Gzip).With("@sha", raw?.Sha256).With("@size", raw?.Size)
                    .ScalarInt64Async(cancellationToken).ConfigureAwait(false)
                    ?? throw new InvalidOperationException("INSERT returned no id");
                await EvidenceRows.ReplaceAsync(connection, transaction, imageId.Value, id, attachment, cancellationToken).ConfigureAwait(false);
                return new EvidenceRecord(
                    id, attachment.Digest, kind, attachment.Fact, raw?.Sha256, raw?.Size, attachment.MediaType, attachment.Actor, HistoryChain.Normalize(attachment.At));
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<EvidenceRecord>> ListEvidenceAsync(string digest, EvidenceKind? kind = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(digest);
        return _database.ReadAsync<IReadOnlyList<EvidenceRecord>>(
            async (connection, transaction) => await connection
                .Command(EvidenceColumns.Select + " WHERE i.digest = @digest" + (kind is null ? string.Empty : " AND e.kind = @kind") + " ORDER BY e.id", transaction)
                .With("@digest", digest).With("@kind", kind?.ToName())
                .ListAsync(r => EvidenceColumns.Read(r, SqliteTimeReader.Instance), cancellationToken).ConfigureAwait(false),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<RawEvidence?> ReadRawEvidenceAsync(long id, CancellationToken cancellationToken = default) =>
        _database.ReadAsync(
            async (connection, transaction) =>
            {
                var rows = await connection.Command(EvidenceColumns.SelectRaw + " WHERE e.id = @id", transaction)
                    .With("@id", id).ListAsync(EvidenceColumns.ReadRaw, cancellationToken).ConfigureAwait(false);
                return rows.Count > 0 ? rows[0] : null;
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<bool> RecordApprovalAsync(ApprovalRecord approval, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(approval);
        return _database.WriteAsync(
            async (connection, transaction) =>
            {
                var imageId = await ImageIdAsync(connection, transaction, approval.Digest, cancellationToken).ConfigureAwait(false);
                if (imageId is null)
                {
                    return false;
                }

                await connection.Command("INSERT INTO approvals (image_id, actor, role, comment, at) VALUES (@image, @actor, @role, @comment, @at)", transaction)
                    .With("@image", imageId).With("@actor", approval.Actor).With("@role", approval.Role).With("@comment", approval.Comment)
                    .With("@at", Micros.FromTime(approval.At)).ExecuteAsync(cancellationToken).ConfigureAwait(false);
                return true;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<ImageRecord?> RecordVetoAsync(VetoRecord veto, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(veto);
        return _database.WriteAsync(
            async (connection, transaction) =>
            {
                var imageId = await ImageIdAsync(connection, transaction, veto.Digest, cancellationToken).ConfigureAwait(false);
                if (imageId is null)
                {
                    return null;
                }

                await connection.Command("INSERT INTO vetoes (image_id, actor, reason, at) VALUES (@image, @actor, @reason, @at)", transaction)
                    .With("@image", imageId).With("@actor", veto.Actor).With("@reason", veto.Reason).With("@at", Micros.FromTime(veto.At))
                    .ExecuteAsync(cancellationToken).ConfigureAwait(false);
                await connection.Command("UPDATE images SET vetoed = 1, version = version + 1 WHERE id = @image", transaction)
                    .With("@image", imageId).ExecuteAsync(cancellationToken).ConfigureAwait(false);
                return (await ImageRows.FindAsync(connection, transaction, veto.Digest, cancellationToken).ConfigureAwait(false))?.Image;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> RecordDeploymentAsync(DeploymentReport report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        var status = FactColumns.StatusName(report.Status);
        return _database.WriteAsync(
            async (connection, transaction) =>
            {
                var imageId = await ImageIdAsync(connection, transaction, report.Digest, cancellationToken).ConfigureAwait(false);
                if (imageId is null)
                {
                    return false;
                }

                await connection.Command(UpsertDeployment, transaction)
                    .With("@image", imageId).With("@env", report.Environment).With("@cluster", report.Cluster).With("@ns", report.Namespace)
                    .With("@workload", report.Workload).With("@status", status).With("@at", Micros.FromTime(report.SeenAt))
                    .ExecuteAsync(cancellationToken).ConfigureAwait(false);
                return true;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<DeploymentFact>> ListDeploymentsAsync(string digest, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(digest);
        return _database.ReadAsync<IReadOnlyList<DeploymentFact>>(
            async (connection, transaction) => await connection
                .Command($"SELECT {FactColumns.Deployment} FROM deployments WHERE image_id = (SELECT id FROM images WHERE digest = @digest) ORDER BY id", transaction)
                .With("@digest", digest).ListAsync(r => FactColumns.ReadDeployment(r, SqliteTimeReader.Instance), cancellationToken).ConfigureAwait(false),
            cancellationToken);
    }

    private static Task<long?> ImageIdAsync(Microsoft.Data.Sqlite.SqliteConnection connection, Microsoft.Data.Sqlite.SqliteTransaction transaction, string digest, CancellationToken cancellationToken) =>
        connection.Command("SELECT id FROM images WHERE digest = @d", transaction).With("@d", digest).ScalarInt64Async(cancellationToken);
}
