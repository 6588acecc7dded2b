using Npgsql;
using Vivido.Core.Storage;
using Vivido.Store.Common;

namespace Vivido.Store.Postgres;

// Lookups over the current findings and packages, exposure for time to patch, and re-scan requests.
public sealed partial class PostgresStore
{
    private const string ByRepositoryAndDigest = "i.repository COLLATE \"C\", i.digest COLLATE \"C\"";

    // One statement, one snapshot: the first $2 images (by repository, digest) with the vulnerability, each with its findings for it.
    private const string VulnerableImages =
        "WITH hit AS (SELECT i.id FROM images i WHERE EXISTS (SELECT 1 FROM vulnerability_findings f WHERE f.vuln_key = $1 AND f.image_id = i.id) " +
        $"ORDER BY {ByRepositoryAndDigest} LIMIT $2) " +
        $"SELECT {ImageRows.Columns}, {VulnerabilityColumns.List} FROM hit JOIN images i ON i.id = hit.id " +
        $"JOIN vulnerability_findings f ON f.image_id = i.id AND f.vuln_key = $1 ORDER BY {ByRepositoryAndDigest}, f.id";

    private const string PackageImages =
        "WITH hit AS (SELECT i.id FROM images i WHERE EXISTS (SELECT 1 FROM image_packages p WHERE p.purl_base = $1 AND ($2::text IS NULL OR p.version = $2) " +
        $"AND p.image_id = i.id) ORDER BY {ByRepositoryAndDigest} LIMIT $3) " +
        $"SELECT {ImageRows.Columns}, {PackageColumns.List} FROM hit JOIN images i ON i.id = hit.id " +
        $"JOIN image_packages p ON p.image_id = i.id AND p.purl_base = $1 AND ($2::text IS NULL OR p.version = $2) ORDER BY {ByRepositoryAndDigest}, p.id";

    private const string RescanCandidates =
        "SELECT id, digest, repository, state, last_scan FROM (" +
        "SELECT i.id, i.digest, i.repository, i.state, r.requested_at, " +
        "(SELECT max(e.at) FROM evidence e WHERE e.image_id = i.id AND e.kind = 'scan') AS last_scan " +
        "FROM images i LEFT JOIN rescan_requests r ON r.image_id = i.id WHERE i.state = ANY($1)) c " +
        "WHERE (c.last_scan IS NULL OR c.last_scan < $2) AND (c.requested_at IS NULL OR c.requested_at < $3) ORDER BY c.id LIMIT $4";

    // Race-safe across replicas: a replica that loses waits for the winner's row and, re-checking the WHERE
    // on it, updates nothing; only the rows this statement RETURNS get an outbox message.
    private const string UpsertRescans =
        "INSERT INTO rescan_requests (image_id, requested_at) SELECT u.id, $2 FROM unnest($1::bigint[]) AS u(id) ORDER BY u.id " +
        "ON CONFLICT (image_id) DO UPDATE SET requested_at = EXCLUDED.requested_at WHERE rescan_requests.requested_at < $3 RETURNING image_id";

    private const string ImageFindings =
        $"SELECT {VulnerabilityColumns.List} FROM vulnerability_findings f JOIN images i ON i.id = f.image_id WHERE i.digest = $1 ORDER BY f.id";

    private const string InsertRescanOutbox = "INSERT INTO outbox (seq, topic, payload, created_at) VALUES (NULL, $1, $2, $3) RETURNING id";

    /// <inheritdoc />
    public Task<IReadOnlyList<VulnerabilityFinding>> ListFindingsAsync(string digest, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(digest);
        return _database.ReadAsync<IReadOnlyList<VulnerabilityFinding>>(
            async connection => await connection.Command(ImageFindings).With(digest)
                .ListAsync(r => VulnerabilityColumns.Read(r, 0), cancellationToken).ConfigureAwait(false),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<VulnerableImage>> FindVulnerableImagesAsync(string vulnerabilityId, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(vulnerabilityId);
        StoreArguments.RequireLimit(limit, nameof(limit));
        return _database.ReadAsync<IReadOnlyList<VulnerableImage>>(
            async connection =>
            {
                var rows = await connection.Command(VulnerableImages).With(VulnerabilityColumns.Key(vulnerabilityId)).With(limit)
                    .ListAsync(r => (Image: ImageRows.Map(r), Finding: VulnerabilityColumns.Read(r, 10)), cancellationToken).ConfigureAwait(false);
                return GroupByImage(rows.Select(r => (r.Image, r.Finding)))
                    .Select(g => new VulnerableImage(g.Image, g.Rows)).ToList();
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<PackageMatch>> FindImagesWithPackageAsync(string purlBase, string? version, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(purlBase);
        StoreArguments.RequireLimit(limit, nameof(limit));
        return _database.ReadAsync<IReadOnlyList<PackageMatch>>(
            async connection =>
            {
                var rows = await connection.Command(PackageImages).With(purlBase).With(version).With(limit)
                    .ListAsync(r => (Image: ImageRows.Map(r), Package: PackageColumns.Read(r, 10)), cancellationToken).ConfigureAwait(false);
                return GroupByImage(rows.Select(r => (r.Image, r.Package)))
                    .SelectMany(g => g.Rows.Select(p => new PackageMatch(g.Image, p))).ToList();
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<RepositoryExposure> ReadExposureAsync(string repository, IReadOnlyCollection<string> states, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(states);
        var time = PostgresTimeReader.Instance;
        return _database.ReadAsync(
            async connection =>
            {
                var batch = new NpgsqlBatch(connection);
                await using (batch.ConfigureAwait(false))
                {
                    batch.Add(
                        "SELECT i.digest, h.to_state, h.at FROM history h JOIN images i ON i.id = h.image_id " +
                        "WHERE i.repository = $1 AND h.kind IN ('accepted', 'override') ORDER BY h.seq").With(repository);
                    batch.Add(SightingColumns.Select + " WHERE i.repository = $1" + SightingColumns.Order).With(repository);
                    batch.Add(
                        "SELECT i.digest FROM images i WHERE i.repository = $1 " +
                        "AND EXISTS (SELECT 1 FROM evidence e WHERE e.image_id = i.id AND e.kind = 'scan') ORDER BY i.digest COLLATE \"C\"").With(repository);
                    var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    await using (reader.ConfigureAwait(false))
                    {
                        var moves = await reader.RowsAsync(r => (r.GetString(0), r.GetString(1), time.Read(r, 2)), cancellationToken).ConfigureAwait(false);
                        await reader.NextAsync(cancellationToken).ConfigureAwait(false);
                        var sightings = await reader.RowsAsync(r => SightingColumns.Read(r, time), cancellationToken).ConfigureAwait(false);
                        await reader.NextAsync(cancellationToken).ConfigureAwait(false);
                        var scanned = await reader.RowsAsync(r => r.GetString(0), cancellationToken).ConfigureAwait(false);
                        return new RepositoryExposure(StateSpans.Build(moves, states), sightings, scanned);
                    }
                }
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<RescanRequested>> RequestRescansAsync(RescanRequest request, CancellationToken cancellationToken = default)
    {
        StoreArguments.RequireRescan(request);
        return _database.WriteAsync<IReadOnlyList<RescanRequested>>(
            async transaction =>
            {
                var time = PostgresTimeReader.Instance;
                List<(long Id, string Digest, string Repository, string State, DateTimeOffset? LastScan)> candidates;
                var pick = transaction.Batch();
                await using (pick.ConfigureAwait(false))
                {
                    pick.Add(RescanCandidates).With(request.States.Distinct(StringComparer.Ordinal).ToArray())
                        .WithTime(request.ScannedBefore).WithTime(request.RequestedBefore).With(request.Limit);
                    var reader = await transaction.ReadAsync(pick, cancellationToken).ConfigureAwait(false);
                    await using (reader.ConfigureAwait(false))
                    {
                        candidates = await reader.RowsAsync(
                            r => (r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), time.ReadNullable(r, 4)), cancellationToken).ConfigureAwait(false);
                    }
                }

                if (candidates.Count == 0)
                {
                    return [];
                }

                HashSet<long> claimed;
                var claim = transaction.Batch();
                await using (claim.ConfigureAwait(false))
                {
                    claim.Add(UpsertRescans).With(candidates.Select(c => c.Id).ToArray()).WithTime(request.At).WithTime(request.RequestedBefore);
                    var reader = await transaction.ReadAsync(claim, cancellationToken).ConfigureAwait(false);
                    await using (reader.ConfigureAwait(false))
                    {
                        claimed = [.. await reader.RowsAsync(r => r.GetInt64(0), cancellationToken).ConfigureAwait(false)];
                    }
                }

                var won = candidates.Where(c => claimed.Contains(c.Id)).ToList();
                if (won.Count == 0)
                {
                    return [];
                }

                var requestedAt = HistoryChain.Normalize(request.At);
                var send = transaction.Batch();
                await using (send.ConfigureAwait(false))
                {
                    foreach (var c in won)
                    {
                        send.Add(InsertRescanOutbox).With(request.Topic).With(RescanPayloads.Json(c.Digest, c.Repository, c.State, c.LastScan, requestedAt))
                            .WithTime(request.At);
                    }

                    var ids = await transaction.CommitAsync(
                        send,
                        async reader =>
                        {
                            var written = new List<long>(won.Count);
                            for (var i = 0; i < won.Count; i++)
                            {
                                if (i > 0)
                                {
                                    await reader.NextAsync(cancellationToken).ConfigureAwait(false);
                                }

                                written.Add(await reader.FirstRowAsync(r => r.GetInt64(0), cancellationToken).ConfigureAwait(false));
                            }

                            return written;
                        },
                        cancellationToken).ConfigureAwait(false);
                    return won.Select((c, i) => new RescanRequested(c.Digest, c.Repository, c.State, c.LastScan, ids[i])).ToList();
                }
            },
            cancellationToken);
    }

    /// <summary>Consecutive rows of one image folded into one group, in order.</summary>
    private static List<(ImageRecord Image, List<T> Rows)> GroupByImage<T>(IEnumerable<(StoredImage Image, T Row)> rows)
    {
        var groups = new List<(ImageRecord Image, List<T> Rows)>();
        long? current = null;
        foreach (var (image, row) in rows)
        {
            if (image.Id != current)
            {
                groups.Add((image.Image, []));
                current = image.Id;
            }

            groups[^1].Rows.Add(row);
        }

        return groups;
    }
}
