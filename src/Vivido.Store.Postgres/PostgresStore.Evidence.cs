using Npgsql;
using Vivido.Core.Images;
using Vivido.Core.Storage;
using Vivido.Store.Common;

namespace Vivido.Store.Postgres;

public sealed partial class PostgresStore
{
    // Each insert selects the image by digest: an unknown digest inserts nothing, in one round trip.
    private const string InsertEvidence =
        "INSERT INTO evidence (image_id, kind, fact, media_type, actor, at, raw_gzip, raw_sha256, raw_size) " +
        "SELECT id, $2, $3, $4, $5, $6, $7, $8, $9 FROM images WHERE digest = $1 RETURNING id, image_id";

    private const string InsertApproval =
        "INSERT INTO approvals (image_id, actor, role, comment, at) SELECT id, $2, $3, $4, $5 FROM images WHERE digest = $1";

    private const string UpsertDeployment =
        "INSERT INTO deployments (image_id, environment, cluster, namespace, workload, status, first_seen, last_seen) " +
        "SELECT id, $2, $3, $4, $5, $6, $7, $7 FROM images WHERE digest = $1 " +
        "ON CONFLICT (image_id, environment, cluster, namespace, workload) DO UPDATE SET " +
        "status = CASE WHEN EXCLUDED.last_seen >= deployments.last_seen THEN EXCLUDED.status ELSE deployments.status END, " +
        "last_seen = GREATEST(deployments.last_seen, EXCLUDED.last_seen), first_seen = LEAST(deployments.first_seen, EXCLUDED.first_seen)";

    /// <inheritdoc />
    public async Task<EvidenceRecord?> AttachEvidenceAsync(EvidenceAttachment attachment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        VulnerabilityColumns.RequireValid(attachment);
        var kind = attachment.Kind;
        var raw = RawDocuments.Pack(attachment.RawDocument);
        var id = attachment.Findings is null && attachment.Packages is null
            ? await _database.ExecuteAsync(
                async connection =>
                {
                    var command = connection.Command(InsertEvidence);
                    AddEvidence(command.Parameters, attachment, kind, raw);
                    return (await command.ListAsync(r => r.GetInt64(0), cancellationToken).ConfigureAwait(false)) is [var only] ? only : (long?)null;
                },
                cancellationToken).ConfigureAwait(false)
            : await _database.WriteAsync(transaction => EvidenceWriter.AttachAsync(transaction, InsertEvidence, attachment, p => AddEvidence(p, attachment, kind, raw), cancellationToken), cancellationToken)
                .ConfigureAwait(false);
        return id is null
            ? null
            : new EvidenceRecord(id.Value, attachment.Digest, kind, attachment.Fact, raw?.Sha256, raw?.Size, attachment.MediaType, attachment.Actor, HistoryChain.Normalize(attachment.At));
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
    public Task<RawEvidence?> ReadRawEvidenceAsync(long id, CancellationToken cancellationToken = default) =>
        _database.ReadAsync(
            async connection => await connection.Command(EvidenceColumns.SelectRaw + " WHERE e.id = $1").With(id)
                .FirstOrDefaultAsync(EvidenceColumns.ReadRaw, cancellationToken).ConfigureAwait(false),
            cancellationToken);

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

    private static void AddEvidence(NpgsqlParameterCollection parameters, EvidenceAttachment attachment, EvidenceKind kind, PackedRaw? raw)
    {
        parameters.Add(new NpgsqlParameter<string> { TypedValue = attachment.Digest });
        parameters.Add(new NpgsqlParameter<string> { TypedValue = kind.ToName() });
        parameters.Add(new NpgsqlParameter<string> { TypedValue = JsonColumns.Fact(attachment.Fact) });
        parameters.Add(new NpgsqlParameter<string?> { TypedValue = attachment.MediaType });
        parameters.Add(new NpgsqlParameter<string> { TypedValue = attachment.Actor });
        parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = HistoryChain.Normalize(attachment.At) });
        parameters.Add(new NpgsqlParameter<byte[]?> { TypedValue = raw?.Gzip });
        parameters.Add(new NpgsqlParameter<string?> { TypedValue = raw?.Sha256 });
        parameters.Add(new NpgsqlParameter<long?> { TypedValue = raw?.Size });
    }
}
