using System.Globalization;
using Microsoft.Data.Sqlite;
using Vivido.Core.Storage;
using Vivido.Store.Common;

namespace Vivido.Store.Sqlite;

// Lookups over the current findings and packages, exposure for time to patch, and re-scan requests.
public sealed partial class SqliteStore
{
    private const string VulnerableImages =
        $"SELECT {ImageColumns.List} FROM images i WHERE i.id IN (SELECT image_id FROM vulnerability_findings WHERE vuln_key = @key) " +
        "ORDER BY i.repository, i.digest LIMIT @limit";

    private const string ImageFindings =
        $"SELECT {VulnerabilityColumns.List} FROM vulnerability_findings f JOIN images i ON i.id = f.image_id WHERE i.digest = @digest ORDER BY f.id";

    private const string PackageImages =
        $"SELECT {ImageColumns.List} FROM images i WHERE i.id IN (SELECT image_id FROM image_packages WHERE purl_base = @base AND (@version IS NULL OR version = @version)) " +
        "ORDER BY i.repository, i.digest LIMIT @limit";

    private const string RescanCandidates =
        "SELECT id, digest, repository, state, last_scan FROM (" +
        "SELECT i.id, i.digest, i.repository, i.state, r.requested_at, " +
        "(SELECT MAX(e.at) FROM evidence e WHERE e.image_id = i.id AND e.kind = 'scan') AS last_scan " +
        "FROM images i LEFT JOIN rescan_requests r ON r.image_id = i.id WHERE i.state IN ({0})) c " +
        "WHERE (c.last_scan IS NULL OR c.last_scan < @scanned) AND (c.requested_at IS NULL OR c.requested_at < @requested) ORDER BY c.id LIMIT @limit";

    // Only a request older than the cutoff is renewed; RETURNING says whether this call made the request.
    private const string UpsertRescan =
        "INSERT INTO rescan_requests (image_id, requested_at) VALUES (@image, @at) " +
        "ON CONFLICT (image_id) DO UPDATE SET requested_at = excluded.requested_at WHERE rescan_requests.requested_at < @requested RETURNING image_id";

    /// <inheritdoc />
    public Task<IReadOnlyList<VulnerabilityFinding>> ListFindingsAsync(string digest, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(digest);
        return _database.ReadAsync<IReadOnlyList<VulnerabilityFinding>>(
            async (connection, transaction) => await connection.Command(ImageFindings, transaction).With("@digest", digest)
                .ListAsync(r => VulnerabilityColumns.Read(r, 0), cancellationToken).ConfigureAwait(false),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<VulnerableImage>> FindVulnerableImagesAsync(string vulnerabilityId, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(vulnerabilityId);
        StoreArguments.RequireLimit(limit, nameof(limit));
        var key = VulnerabilityColumns.Key(vulnerabilityId);
        return _database.ReadAsync<IReadOnlyList<VulnerableImage>>(
            async (connection, transaction) =>
            {
                var images = await connection.Command(VulnerableImages, transaction).With("@key", key).With("@limit", limit)
                    .ListAsync(ImageRows.Map, cancellationToken).ConfigureAwait(false);
                var findings = await RowsOfImagesAsync(
                    connection, transaction, $"SELECT f.image_id, {VulnerabilityColumns.List} FROM vulnerability_findings f WHERE f.vuln_key = @key AND f.image_id IN ({{0}}) ORDER BY f.id",
                    images, c => c.With("@key", key), r => VulnerabilityColumns.Read(r, 1), cancellationToken).ConfigureAwait(false);
                var records = await ImageRows.WithTagsAsync(connection, transaction, images, cancellationToken).ConfigureAwait(false);
                return images.Select((image, i) => new VulnerableImage(records[i], findings[image.Id].ToList())).ToList();
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<PackageMatch>> FindImagesWithPackageAsync(string purlBase, string? version, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(purlBase);
        StoreArguments.RequireLimit(limit, nameof(limit));
        return _database.ReadAsync<IReadOnlyList<PackageMatch>>(
            async (connection, transaction) =>
            {
                var images = await connection.Command(PackageImages, transaction).With("@base", purlBase).With("@version", version).With("@limit", limit)
                    .ListAsync(ImageRows.Map, cancellationToken).ConfigureAwait(false);
                var packages = await RowsOfImagesAsync(
                    connection, transaction,
                    $"SELECT p.image_id, {PackageColumns.List} FROM image_packages p WHERE p.purl_base = @base AND (@version IS NULL OR p.version = @version) AND p.image_id IN ({{0}}) ORDER BY p.id",
                    images, c => c.With("@base", purlBase).With("@version", version), r => PackageColumns.Read(r, 1), cancellationToken).ConfigureAwait(false);
                var records = await ImageRows.WithTagsAsync(connection, transaction, images, cancellationToken).ConfigureAwait(false);
                return images.SelectMany((image, i) => packages[image.Id].Select(p => new PackageMatch(records[i], p))).ToList();
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<RepositoryExposure> ReadExposureAsync(string repository, IReadOnlyCollection<string> states, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(states);
        var time = SqliteTimeReader.Instance;
        return _database.ReadAsync(
            async (connection, transaction) =>
            {
                var moves = await connection.Command(
                        "SELECT i.digest, h.to_state, h.at FROM history h JOIN images i ON i.id = h.image_id " +
                        "WHERE i.repository = @repo AND h.kind IN ('accepted', 'override') ORDER BY h.seq",
                        transaction)
                    .With("@repo", repository).ListAsync(r => (r.GetString(0), r.GetString(1), time.Read(r, 2)), cancellationToken).ConfigureAwait(false);
                var sightings = await connection.Command(SightingColumns.Select + " WHERE i.repository = @repo" + SightingColumns.Order, transaction)
                    .With("@repo", repository).ListAsync(r => SightingColumns.Read(r, time), cancellationToken).ConfigureAwait(false);
                var scanned = await connection.Command(
                        "SELECT i.digest FROM images i WHERE i.repository = @repo AND EXISTS (SELECT 1 FROM evidence e WHERE e.image_id = i.id AND e.kind = 'scan') ORDER BY i.digest",
                        transaction)
                    .With("@repo", repository).ListAsync(r => r.GetString(0), cancellationToken).ConfigureAwait(false);
                return new RepositoryExposure(StateSpans.Build(moves, states), sightings, scanned);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<RescanRequested>> RequestRescansAsync(RescanRequest request, CancellationToken cancellationToken = default)
    {
        StoreArguments.RequireRescan(request);
        if (request.States.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<RescanRequested>>([]);
        }

        var time = SqliteTimeReader.Instance;
        return _database.WriteAsync<IReadOnlyList<RescanRequested>>(
            async (connection, transaction) =>
            {
                // BEGIN IMMEDIATE holds the write lock from here to COMMIT, so no other process picks the same images in between.
                var states = request.States.Distinct(StringComparer.Ordinal).ToList();
                var names = states.Select((_, i) => "@s" + i.ToString(CultureInfo.InvariantCulture)).ToList();
                var query = connection.Command(string.Format(CultureInfo.InvariantCulture, RescanCandidates, string.Join(", ", names)), transaction)
                    .With("@scanned", Micros.FromTime(request.ScannedBefore)).With("@requested", Micros.FromTime(request.RequestedBefore)).With("@limit", request.Limit);
                for (var i = 0; i < states.Count; i++)
                {
                    query.With(names[i], states[i]);
                }

                var candidates = await query.ListAsync(
                    r => (Id: r.GetInt64(0), Digest: r.GetString(1), Repository: r.GetString(2), State: r.GetString(3), LastScan: time.ReadNullable(r, 4)),
                    cancellationToken).ConfigureAwait(false);
                var requested = new List<RescanRequested>();
                foreach (var c in candidates)
                {
                    var claimed = await connection.Command(UpsertRescan, transaction)
                        .With("@image", c.Id).With("@at", Micros.FromTime(request.At)).With("@requested", Micros.FromTime(request.RequestedBefore))
                        .ScalarInt64Async(cancellationToken).ConfigureAwait(false);
                    if (claimed is null)
                    {
                        continue;
                    }

                    var payload = RescanPayloads.Json(c.Digest, c.Repository, c.State, c.LastScan, HistoryChain.Normalize(request.At));
                    var outboxId = await connection.Command("INSERT INTO outbox (seq, topic, payload, created_at) VALUES (NULL, @topic, @payload, @at) RETURNING id", transaction)
                        .With("@topic", request.Topic).With("@payload", payload).With("@at", Micros.FromTime(request.At))
                        .ScalarInt64Async(cancellationToken).ConfigureAwait(false)
                        ?? throw new InvalidOperationException("INSERT returned no id");
                    requested.Add(new RescanRequested(c.Digest, c.Repository, c.State, c.LastScan, outboxId));
                }

                return requested;
            },
            cancellationToken);
    }

    /// <summary>Rows of <paramref name="query"/> (image id first, <c>{0}</c> = the id list) grouped by image id.</summary>
    private static async Task<ILookup<long, T>> RowsOfImagesAsync<T>(
        SqliteConnection connection, SqliteTransaction transaction, string query, IReadOnlyList<StoredImage> images, Action<SqliteCommand> bind,
        Func<SqliteDataReader, T> map, CancellationToken cancellationToken)
    {
        if (images.Count == 0)
        {
            return Array.Empty<(long, T)>().ToLookup(r => r.Item1, r => r.Item2);
        }

        var names = images.Select((_, i) => "@i" + i.ToString(CultureInfo.InvariantCulture)).ToList();
        var command = connection.Command(string.Format(CultureInfo.InvariantCulture, query, string.Join(", ", names)), transaction);
        bind(command);
        for (var i = 0; i < images.Count; i++)
        {
            command.With(names[i], images[i].Id);
        }

        var rows = await command.ListAsync(r => (Id: r.GetInt64(0), Row: map(r)), cancellationToken).ConfigureAwait(false);
        return rows.ToLookup(r => r.Id, r => r.Row);
    }
}
