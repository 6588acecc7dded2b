using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Vivido.Core.Images;
using Vivido.Core.Storage;

namespace Vivido.Store.Sqlite.Tests;

/// <summary>What is specific to SQLite in evidence storage: migrating v2 files, compressed blobs, re-scans across processes.</summary>
public sealed class SqliteEvidenceTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly TempDatabase _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task MigrateAsync_Version2FileWithRawDocumentsAndOutbox_KeepsBothReadable()
    {
        const string legacy = "{\"legacy\":\"é\"}";
        var script = string.Concat(SqliteMigrator.Migrations.Take(2).Select(m => m.Script));
        await RawSqlite.ExecuteAsync(
            _temp.Path,
            script +
            "CREATE TABLE schema_migrations (version TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at INTEGER NOT NULL);" +
            "INSERT INTO schema_migrations VALUES (@v1, @c1, 0), (@v2, @c2, 0);" +
            "INSERT INTO images (id, digest, repository, state, version, entered_state_at, registered_at, attributes) VALUES (1, 'sha256:x', 'team/app', 'Active', 1, 0, 0, '{}');" +
            "INSERT INTO history VALUES (1, 1, 'accepted', 'register', NULL, 'Active', 'ci', NULL, NULL, '{}', 0, 'p', 'h');" +
            "INSERT INTO evidence (id, image_id, kind, fact, raw_document, media_type, actor, at) VALUES (4, 1, 'scan', @fact, @raw, 'application/json', 'scanner', 0);" +
            "INSERT INTO outbox (id, seq, topic, payload, created_at, attempts, delivered_at) VALUES (7, 1, 'image.registered', '{}', 0, 1, 5), (8, 1, 'image.any', '{}', 0, 0, NULL);",
            ("@v1", SqliteMigrator.Migrations[0].Name),
            ("@c1", SqliteMigrator.Migrations[0].Checksum),
            ("@v2", SqliteMigrator.Migrations[1].Name),
            ("@c2", SqliteMigrator.Migrations[1].Checksum),
            ("@fact", JsonSerializer.Serialize(new ScanFact("trivy", 0, 0, 0, 0, 0, 9.5, [], T0), new JsonSerializerOptions(JsonSerializerDefaults.Web))),
            ("@raw", legacy));
        using var store = new SqliteStore(_temp.Path);

        (await store.MigrateAsync()).ShouldBe(["0003_evidence_findings", "0004_deployment_progressing"]);

        var bytes = Encoding.UTF8.GetBytes(legacy);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var listed = (await store.ListEvidenceAsync("sha256:x")).ShouldHaveSingleItem();
        (listed.Id, listed.RawSha256, listed.RawSize).ShouldBe((4L, sha, (long?)bytes.Length));
        var raw = (await store.ReadRawEvidenceAsync(4)).ShouldNotBeNull();
        raw.Content.ShouldBe(bytes);
        (raw.Sha256, raw.MediaType).ShouldBe((sha, "application/json"));
        (await store.ReadOutboxAsync(0, 10)).Select(o => (o.Id, o.Seq)).ShouldBe([(7L, (long?)1L), (8, 1)]);
        (await RawSqlite.QueryAsync(_temp.Path, "SELECT name FROM sqlite_master WHERE tbl_name = 'outbox' AND type = 'index'")).ShouldBe(["ix_outbox_undelivered"]);
        var requested = await store.RequestRescansAsync(new RescanRequest(["Active"], T0, T0, 10, T0, "rescan.requested"));
        requested.ShouldHaveSingleItem().OutboxId.ShouldBe(9);
    }

    [Fact]
    public async Task AttachEvidenceAsync_LargeDocument_StoresAGzipBlobMuchSmallerThanTheDocument()
    {
        using var store = new SqliteStore(_temp.Path);
        await store.MigrateAsync();
        await store.RegisterImageAsync(new ImageRegistration("sha256:x", "team/app", "Building", [], new Dictionary<string, string>(), "ci", T0));
        var raw = string.Concat(Enumerable.Range(0, 20_000).Select(i => $"{{\"VulnerabilityID\":\"CVE-2026-{i:D5}\",\"Severity\":\"HIGH\"}}\n"));

        await store.AttachEvidenceAsync(new EvidenceAttachment("sha256:x", new SbomFact("spdx", 1, T0), raw, "application/json", "ci", T0));

        var row = (await RawSqlite.QueryAsync(_temp.Path, "SELECT length(raw_gzip), raw_size, raw_document IS NULL, hex(substr(raw_gzip, 1, 2)) FROM evidence")).ShouldHaveSingleItem().Split('|');
        long.Parse(row[0], System.Globalization.CultureInfo.InvariantCulture).ShouldBeLessThan(raw.Length / 5);
        row[1..].ShouldBe([raw.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), "1", "1F8B"]);
    }

    [Fact]
    public async Task RequestRescansAsync_TwoStoresOnOneFileRacing_OneOutboxRowPerImage()
    {
        using var a = new SqliteStore(_temp.Path);
        using var b = new SqliteStore(_temp.Path);
        await a.MigrateAsync();
        const int images = 30;
        for (var i = 1; i <= images; i++)
        {
            await a.RegisterImageAsync(new ImageRegistration($"sha256:{i:x64}", "team/app", "Active", [], new Dictionary<string, string>(), "ci", T0));
        }

        var request = new RescanRequest(["Active"], T0.AddDays(1), T0.AddDays(1), 7, T0.AddDays(8), "rescan.requested");
        var calls = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Task.Run(() => (i % 2 == 0 ? a : b).RequestRescansAsync(request))));

        calls.Sum(c => c.Count).ShouldBe(images);
        calls.SelectMany(c => c).Select(r => r.Digest).Distinct().Count().ShouldBe(images);
        (await a.ReadOutboxAsync(0, 100)).Count.ShouldBe(images);
    }
}
