using Microsoft.Data.Sqlite;
using Vivido.Core.Storage;

namespace Vivido.Store.Sqlite.Tests;

/// <summary>What is specific to SQLite: migrations ledger, triggers, durability pragmas, locking, query plans.</summary>
public sealed class SqliteStoreTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly TempDatabase _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task MigrateAsync_FreshFile_RecordsEachMigrationWithChecksumAndTime()
    {
        using var store = new SqliteStore(_temp.Path, new FixedTime(T0));

        (await store.MigrateAsync()).ShouldBe(["0001_init", "0002_exclusive_leases_timers", "0003_evidence_findings", "0004_deployment_progressing"]);

        var rows = await RawSqlite.QueryAsync(_temp.Path, "SELECT version, length(checksum), applied_at FROM schema_migrations ORDER BY version");
        var micros = (T0 - DateTimeOffset.UnixEpoch).Ticks / 10;
        rows.ShouldBe([$"0001_init|64|{micros}", $"0002_exclusive_leases_timers|64|{micros}", $"0003_evidence_findings|64|{micros}", $"0004_deployment_progressing|64|{micros}"]);
        (await store.MigrateAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task IsReadyAsync_BeforeAndAfterMigrate_IsFalseThenTrue()
    {
        using var store = new SqliteStore(_temp.Path);

        (await store.IsReadyAsync()).ShouldBeFalse();
        await store.MigrateAsync();
        (await store.IsReadyAsync()).ShouldBeTrue();
    }

    [Fact]
    public async Task IsReadyAsync_UnreachableFile_IsFalse()
    {
        using var store = new SqliteStore(Path.Combine(_temp.Directory, "missing-dir", "vivido.db"));

        (await store.IsReadyAsync()).ShouldBeFalse();
    }

    [Fact]
    public async Task MigrateAsync_TwoStoresOnOneFileAtOnce_AppliesEachMigrationOnce()
    {
        using var a = new SqliteStore(_temp.Path);
        using var b = new SqliteStore(_temp.Path);

        var applied = await Task.WhenAll(Task.Run(() => a.MigrateAsync()), Task.Run(() => b.MigrateAsync()));

        applied.SelectMany(x => x).Order().ShouldBe(["0001_init", "0002_exclusive_leases_timers", "0003_evidence_findings", "0004_deployment_progressing"]);
        (await RawSqlite.QueryAsync(_temp.Path, "SELECT COUNT(*) FROM schema_migrations")).ShouldBe(["4"]);
    }

    [Fact]
    public async Task MigrateAsync_FreshFile_CreatesTheAppendOnlyTriggers()
    {
        using var store = new SqliteStore(_temp.Path);
        await store.MigrateAsync();

        var triggers = await RawSqlite.QueryAsync(_temp.Path, "SELECT name || ':' || tbl_name FROM sqlite_master WHERE type = 'trigger' ORDER BY name");

        triggers.ShouldBe(["history_no_delete:history", "history_no_update:history", "tag_moves_no_delete:tag_moves", "tag_moves_no_update:tag_moves"]);
    }

    [Fact]
    public async Task OpenAsync_StoreConnection_IsWalWithSynchronousFullAndForeignKeys()
    {
        using var store = new SqliteStore(_temp.Path);
        await store.MigrateAsync();

        await using var connection = await store.Database.OpenAsync(CancellationToken.None);

        (await Pragma(connection, "journal_mode")).ShouldBe("wal");
        (await Pragma(connection, "synchronous")).ShouldBe("2");
        (await Pragma(connection, "foreign_keys")).ShouldBe("1");
        (await Pragma(connection, "busy_timeout")).ShouldBe("10000");
    }

    [Fact]
    public async Task WriteAsync_WhileATransitionIsOpen_OtherConnectionsCannotWrite()
    {
        using var store = new SqliteStore(_temp.Path);
        await store.MigrateAsync();
        var inside = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var writer = store.Database.WriteAsync(
            async (_, _) =>
            {
                inside.SetResult();
                await release.Task;
                return 0;
            },
            CancellationToken.None);
        await inside.Task;

        var other = new SqliteConnectionStringBuilder { DataSource = _temp.Path, Pooling = false, DefaultTimeout = 1 }.ToString();
        await using (var connection = new SqliteConnection(other))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO tokens (name, hash, roles, repository_patterns, created_at, created_by) VALUES ('x', 'h', '[]', '[]', 0, 'x')";
            var error = await Should.ThrowAsync<SqliteException>(() => command.ExecuteNonQueryAsync());
            error.SqliteErrorCode.ShouldBe(5); // SQLITE_BUSY: the store's transaction holds the write lock.
        }

        release.SetResult();
        (await writer).ShouldBe(0);
    }

    [Fact]
    public async Task SqliteStore_ReopenedOnTheSameFile_SeesCommittedWrites()
    {
        var digest = "sha256:" + new string('a', 64);
        using (var first = new SqliteStore(_temp.Path))
        {
            await first.MigrateAsync();
            await first.RegisterImageAsync(new ImageRegistration(digest, "team/app", "Building", ["v1"], new Dictionary<string, string>(), "ci", T0));
            await first.CommitTransitionAsync(new TransitionCommit(digest, 1, "Building", "Scanned", "scan_passed", "ci", null, new Dictionary<string, string>(), T0));
        }

        using var second = new SqliteStore(_temp.Path);
        (await second.IsReadyAsync()).ShouldBeTrue();
        (await second.LoadImageAsync(digest))!.State.ShouldBe("Scanned");
        (await second.VerifyAuditAsync()).ShouldBe(new AuditVerification(true, 2, null));
    }

    [Fact]
    public async Task ExclusiveIndex_TwoFlaggedImagesInOneStateThroughRawSql_IsRefusedByTheDatabase()
    {
        using var store = new SqliteStore(_temp.Path);
        await store.MigrateAsync();
        foreach (var digest in new[] { "sha256:" + new string('a', 64), "sha256:" + new string('b', 64) })
        {
            await store.RegisterImageAsync(new ImageRegistration(digest, "team/app", "Active", [], new Dictionary<string, string>(), "ci", T0));
        }

        await RawSqlite.ExecuteAsync(_temp.Path, "UPDATE images SET exclusive = 1 WHERE id = 1");
        var error = await Should.ThrowAsync<SqliteException>(() => RawSqlite.ExecuteAsync(_temp.Path, "UPDATE images SET exclusive = 1 WHERE id = 2"));

        error.Message.ShouldContain("UNIQUE constraint failed: images.repository, images.state");
    }

    [Fact]
    public async Task MigrateAsync_Version1FileWithImages_AddsTheNewTablesAndLeavesImagesUnflagged()
    {
        var first = SqliteMigrator.Migrations[0];
        await RawSqlite.ExecuteAsync(
            _temp.Path,
            first.Script +
            "CREATE TABLE schema_migrations (version TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at INTEGER NOT NULL);" +
            "INSERT INTO schema_migrations VALUES (@version, @checksum, 0);" +
            "INSERT INTO images (digest, repository, state, version, entered_state_at, registered_at, attributes) VALUES ('sha256:x', 'team/app', 'Active', 3, 0, 0, '{}');",
            ("@version", first.Name),
            ("@checksum", first.Checksum));

        using var store = new SqliteStore(_temp.Path);
        (await store.MigrateAsync()).ShouldBe(["0002_exclusive_leases_timers", "0003_evidence_findings", "0004_deployment_progressing"]);
        var flags = await RawSqlite.QueryAsync(_temp.Path, "SELECT digest, exclusive FROM images");

        flags.ShouldBe(["sha256:x|0"]);
        (await store.ListLeasesAsync()).ShouldBeEmpty();
        (await store.CountRowsAsync())["timer_firings"].ShouldBe(0);
    }

    [Theory]
    [InlineData("SELECT id FROM images i WHERE i.id > 0 AND i.state = 'Active' AND i.repository = 'r' ORDER BY i.id LIMIT 51", "ix_images_state_repository")]
    [InlineData("SELECT id FROM images i WHERE i.id > 0 AND i.repository = 'r' ORDER BY i.id LIMIT 51", "ix_images_repository")]
    [InlineData("SELECT seq FROM history h WHERE h.image_id = 7 ORDER BY h.seq", "ix_history_image")]
    [InlineData("SELECT id FROM images WHERE digest = 'x'", "sqlite_autoindex_images_1")]
    [InlineData("SELECT id FROM images i WHERE i.state = 'Deprecated' AND i.entered_state_at <= 5 ORDER BY i.entered_state_at, i.id LIMIT 100", "ix_images_state_entered")]
    [InlineData("SELECT image_id FROM vulnerability_findings WHERE vuln_key = 'CVE-2024-0001'", "ix_vulnerability_findings_key")]
    [InlineData("SELECT image_id FROM image_packages WHERE purl_base = 'pkg:apk/alpine/musl' AND version = '1.2.3'", "ix_image_packages_purl")]
    public async Task QueryPlan_ListAndHistoryQueries_UseTheirIndexes(string query, string index)
    {
        using var store = new SqliteStore(_temp.Path);
        await store.MigrateAsync();

        var plan = string.Join("\n", await RawSqlite.QueryAsync(_temp.Path, "EXPLAIN QUERY PLAN " + query));

        plan.ShouldContain(index);
        plan.ShouldNotContain("USE TEMP B-TREE");
    }

    private static async Task<string> Pragma(SqliteConnection connection, string name)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA " + name;
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!;
    }
}
