using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Vivido.Core.Images;
using Vivido.Core.Storage;
using Vivido.Store.Compliance;
using Vivido.Store.Sqlite;
using Vivido.Testing;

namespace Vivido.Store.Postgres.Tests;

/// <summary>Evidence storage on PostgreSQL: migrating v1 databases, re-scans across replicas, copies to and from SQLite.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresEvidenceTests(PostgresServerFixture fixture) : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly string _directory = Directory.CreateTempSubdirectory("vivido-evidence-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task MigrateAsync_Version1DatabaseWithRawDocumentsAndOutbox_KeepsBothReadable()
    {
        const string legacy = "{\"legacy\":\"é\"}";
        var connectionString = await fixture.CreateDatabaseAsync();
        var first = PostgresMigrator.Migrations[0];
        await RawPostgres.ExecuteAsync(connectionString, first.Script);
        await RawPostgres.ExecuteAsync(
            connectionString,
            "CREATE TABLE schema_migrations (version integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL, applied_at timestamptz NOT NULL)");
        await RawPostgres.ExecuteAsync(connectionString, "INSERT INTO schema_migrations VALUES (1, $1, $2, now())", first.Name, first.Checksum);
        await RawPostgres.ExecuteAsync(
            connectionString,
            "INSERT INTO images (id, digest, repository, state, version, entered_state_at, registered_at, attributes) VALUES (1, 'sha256:x', 'team/app', 'Active', 1, now(), now(), '{}')");
        await RawPostgres.ExecuteAsync(
            connectionString, "INSERT INTO history VALUES (1, 1, 'accepted', 'register', NULL, 'Active', 'ci', NULL, NULL, '{}', now(), 'p', 'h')");
        await RawPostgres.ExecuteAsync(
            connectionString,
            "INSERT INTO evidence (id, image_id, kind, fact, raw_document, media_type, actor, at) VALUES (4, 1, 'scan', $1, $2, 'application/json', 'scanner', now())",
            JsonSerializer.Serialize(new ScanFact("trivy", 0, 0, 0, 0, 0, 9.5, [], T0), new JsonSerializerOptions(JsonSerializerDefaults.Web)), legacy);
        await RawPostgres.ExecuteAsync(
            connectionString, "INSERT INTO outbox (id, seq, topic, payload, created_at) VALUES (7, 1, 'image.registered', '{}', now())");
        await using var store = new PostgresStore(connectionString);

        (await store.MigrateAsync()).ShouldBe(["0003_evidence_findings", "0004_deployment_progressing"]);

        var bytes = Encoding.UTF8.GetBytes(legacy);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var listed = (await store.ListEvidenceAsync("sha256:x")).ShouldHaveSingleItem();
        (listed.Id, listed.RawSha256, listed.RawSize).ShouldBe((4L, sha, (long?)bytes.Length));
        var raw = (await store.ReadRawEvidenceAsync(4)).ShouldNotBeNull();
        raw.Content.ShouldBe(bytes);
        raw.Sha256.ShouldBe(sha);
        (await store.RequestRescansAsync(new RescanRequest(["Active"], T0.AddYears(100), T0, 10, T0, "rescan.requested"))).ShouldHaveSingleItem();
        (await store.ReadOutboxAsync(0, 10)).Select(o => o.Seq).ShouldBe([1L, null], ignoreOrder: true);
    }

    [Fact]
    public async Task RequestRescansAsync_ThreeReplicasRacing_OneOutboxRowPerImage()
    {
        await using var replicas = await ReplicaSet.CreateAsync(await fixture.CreateDatabaseAsync(), 3);
        const int images = 60;
        for (var i = 1; i <= images; i++)
        {
            await replicas.Stores[0].RegisterImageAsync(new ImageRegistration(ReplicaSet.Digest(i), "team/app", "Active", [], new Dictionary<string, string>(), "ci", T0));
        }

        // Every call may take every image, so each image is requested by exactly one of the racing calls.
        var request = new RescanRequest(["Active"], T0.AddDays(1), T0.AddDays(1), 100, T0.AddDays(8), "rescan.requested");
        var calls = await replicas.RaceAsync((store, _) => Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => store.RequestRescansAsync(request)))));

        var requested = calls.SelectMany(c => c).SelectMany(c => c).ToList();
        requested.Select(r => r.Digest).Order(StringComparer.Ordinal).ShouldBe(Enumerable.Range(1, images).Select(ReplicaSet.Digest).Order(StringComparer.Ordinal));
        var outbox = await replicas.Stores[1].ReadOutboxAsync(0, 1000);
        outbox.Select(o => o.Id).Order().ShouldBe(requested.Select(r => r.OutboxId).Order());
        outbox.Select(o => JsonDocument.Parse(o.Payload).RootElement.GetProperty("digest").GetString()).Distinct().Count().ShouldBe(images);
    }

    [Fact]
    public async Task WriteTableAsync_SqliteToPostgres_KeepsEveryRow()
    {
        using var sqlite = await SqliteAsync("source.db");
        await using var postgres = await PostgresAsync();
        await StoreSeed.SeedEveryTableAsync(sqlite);

        await StoreSeed.CopyAndCompareAsync(sqlite, postgres);
    }

    [Fact]
    public async Task WriteTableAsync_PostgresToSqlite_KeepsEveryRow()
    {
        await using var postgres = await PostgresAsync();
        using var sqlite = await SqliteAsync("target.db");
        await StoreSeed.SeedEveryTableAsync(postgres);

        await StoreSeed.CopyAndCompareAsync(postgres, sqlite);
    }

    private async Task<SqliteStore> SqliteAsync(string name)
    {
        var store = new SqliteStore(Path.Combine(_directory, name));
        await store.MigrateAsync();
        return store;
    }

    private async Task<PostgresStore> PostgresAsync()
    {
        var store = new PostgresStore(await fixture.CreateDatabaseAsync());
        await store.MigrateAsync();
        return store;
    }
}
