using Vivido.Core.Images;
using Vivido.Core.Storage;
using Vivido.Store.Common;

namespace Vivido.Store.Postgres;

public sealed partial class PostgresStore
{
    // Each insert selects the image by digest: an unknown digest inserts nothing, in one round trip.
    private const string InsertEvidence =
        "INSERT INTO evidence (image_id, kind, fact, raw_document, media_type, actor, at) " +
        "SELECT id, $2, $3, $4, $5, $6, $7 FROM images WHERE digest = $1 RETURNING id";

    private const string InsertApproval =
        "INSERT INTO approvals (image_id, actor, role, comment, at) SELECT id, $2, $3, $4, $5 FROM images WHERE digest = $1";

    private const string UpsertDeployment =
        "INSERT INTO deployments (image_id, environment, cluster, namespace, workload, status, first_seen, last_seen) " +
        "SELECT id, $2, $3, $4, $5, $6, $7, $7 FROM images WHERE digest = $1 " +
        "ON CONFLICT (image_id, environment, cluster, namespace, workload) DO UPDATE SET " +
        "status = CASE WHEN EXCLUDED.last_seen >= deployments.last_seen THEN EXCLUDED.status ELSE deployments.status END, " +
        "last_seen = GREATEST(deployments.last_seen, EXCLUDED.last_seen), first_seen = LEAST(deployments.first_seen, EXCLUDED.first_seen)";

    /// <inheritdoc />
    public Task<EvidenceRecord?> AttachEvidenceAsync(EvidenceAttachment attachment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        var kind = attachment.Kind;
        return _database.ExecuteAsync(
            async connection =>
            {
                var id = await connection.Command(InsertEvidence)
                    .With(attachment.Digest).With(kind.ToName()).With(JsonColumns.Fact(attachment.Fact)).With(attachment.RawDocument)
                    .With(attachment.MediaType).With(attachment.Actor).WithTime(attachment.At)
                    .ScalarInt64Async(cancellationToken).ConfigureAwait(false);
                return id is null
                    ? null
                    : new EvidenceRecord(
                        id.Value, attachment.Digest, kind, attachment.Fact, attachment.RawDocument, attachment.MediaType, attachment.Actor, HistoryChain.Normalize(attachment.At));
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<EvidenceRecord>> ListEvidenceAsync(string digest, EvidenceKind? kind = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(digest);
        return _database.ReadAsync<IReadOnlyList<EvidenceRecord>>(
            async connection => await connection
                .Command(EvidenceColumns.Select + " WHERE i.digest = $1 AND ($2::text IS NULL OR e.kind = $2) ORDER BY e.id")
                .With(digest).With(kind?.ToName())
                .ListAsync(r => EvidenceColumns.Read(r, PostgresTimeReader.Instance), cancellationToken).ConfigureAwait(false),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> RecordApprovalAsync(ApprovalRecord approval, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(approval);
        return _database.ExecuteAsync(
            async connection => await connection.Command(InsertApproval)
                .With(approval.Digest).With(approval.Actor).With(approval.Role).With(approval.Comment).WithTime(approval.At)
                .ExecuteAsync(cancellationToken).ConfigureAwait(false) > 0,
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<ImageRecord?> RecordVetoAsync(VetoRecord veto, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(veto);
        return _database.WriteAsync(
            async transaction =>
            {
                // A veto changes the version, so it takes the chain lock like every other version change.
                var batch = transaction.Batch();
                await using (batch.ConfigureAwait(false))
                {
                    batch.Add(ChainWriter.LockHead);
                    batch.Add("INSERT INTO vetoes (image_id, actor, reason, at) SELECT id, $2, $3, $4 FROM images WHERE digest = $1")
                        .With(veto.Digest).With(veto.Actor).With(veto.Reason).WithTime(veto.At);
                    batch.Add("UPDATE images SET vetoed = true, version = version + 1 WHERE digest = $1").With(veto.Digest);
                    batch.Add(ImageRows.SelectByDigest).With(veto.Digest);
                    var stored = await transaction.CommitAsync(
                        batch,
                        async reader =>
                        {
                            await reader.NextAsync(cancellationToken).ConfigureAwait(false);
                            return await reader.FirstRowAsync(ImageRows.Map, cancellationToken).ConfigureAwait(false);
                        },
                        cancellationToken).ConfigureAwait(false);
                    return stored?.Image;
                }
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> RecordDeploymentAsync(DeploymentReport report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        var status = FactColumns.StatusName(report.Status);
        return _database.ExecuteAsync(
            async connection => await connection.Command(UpsertDeployment)
                .With(report.Digest).With(report.Environment).With(report.Cluster).With(report.Namespace).With(report.Workload).With(status)
                .WithTime(report.SeenAt).ExecuteAsync(cancellationToken).ConfigureAwait(false) > 0,
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<DeploymentFact>> ListDeploymentsAsync(string digest, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(digest);
        return _database.ReadAsync<IReadOnlyList<DeploymentFact>>(
            async connection => await connection.Command(FactRows.Queries[2]).With(digest).ListAsync(FactRows.MapDeployment, cancellationToken).ConfigureAwait(false),
            cancellationToken);
    }
}
