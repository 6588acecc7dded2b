using System.Diagnostics;
using System.Globalization;
using Npgsql;
using Vivido.Core.Images;
using Vivido.Core.Storage;
using Vivido.Testing;

namespace Vivido.Store.Postgres.Tests;

/// <summary>Outages on a server of their own (the shared one keeps running for the other classes).</summary>
public sealed class PostgresOutageTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly IReadOnlyDictionary<string, string> NoParams = new Dictionary<string, string>();
    private static readonly string Digest = ReplicaSet.Digest(1);

    private PostgresServer? _server;
    private PostgresStore? _store;

    private PostgresServer Server => _server!;

    private PostgresStore Store => _store!;

    public async Task InitializeAsync()
    {
        _server = await PostgresServer.StartAsync();
        _store = new PostgresStore(await _server.CreateDatabaseAsync());
        await _store.MigrateAsync();
        await _store.RegisterImageAsync(new ImageRegistration(Digest, "team/app", "Building", [], NoParams, "ci", T0));
    }

    public async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    [Fact]
    public async Task StoreCalls_ServerStopped_ThrowStoreUnavailableThenWorkAfterRestart()
    {
        (await Store.LoadImageAsync(Digest)).ShouldNotBeNull();

        await Server.StopAsync();

        (await Store.IsReadyAsync()).ShouldBeFalse();
        var read = await Should.ThrowAsync<StoreUnavailableException>(() => Store.LoadImageAsync(Digest));
        read.Message.ShouldContain($"127.0.0.1:{Server.Port}");
        read.Message.ShouldNotContain("\n");
        await Should.ThrowAsync<StoreUnavailableException>(() => Store.CommitTransitionAsync(Scan(1)));
        await Should.ThrowAsync<StoreUnavailableException>(() => Store.AttachEvidenceAsync(Evidence()));
        await Should.ThrowAsync<StoreUnavailableException>(() => Store.TryAcquireLeaseAsync("timers", "a", T0, TimeSpan.FromSeconds(30)));

        await Server.RestartAsync();

        (await Store.IsReadyAsync()).ShouldBeTrue();
        (await Store.LoadImageAsync(Digest))!.Version.ShouldBe(1);
        (await Store.CommitTransitionAsync(Scan(1))).ShouldBeOfType<Committed>();
        (await Store.VerifyAuditAsync()).ShouldBe(new AuditVerification(true, 2, null));
    }

    [Theory]
    [InlineData("ready")]
    [InlineData("read")]
    [InlineData("commit")]
    [InlineData("single-statement write")]
    public async Task StoreCall_FirstAfterARestartBehindIdleConnections_Works(string call)
    {
        // Several pooled connections, all of which die with the server.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Store.LoadSnapshotAsync(Digest)));

        await Server.RestartAsync();

        switch (call)
        {
            case "ready":
                (await Store.IsReadyAsync()).ShouldBeTrue();
                break;
            case "read":
                (await Store.LoadImageAsync(Digest)).ShouldNotBeNull();
                break;
            case "commit":
                (await Store.CommitTransitionAsync(Scan(1))).ShouldBeOfType<Committed>();
                break;
            default:
                (await Store.AttachEvidenceAsync(Evidence())).ShouldNotBeNull();
                break;
        }

        (await Store.CountRowsAsync())["history"].ShouldBe(call == "commit" ? 2 : 1);
        (await Store.CountRowsAsync())["evidence"].ShouldBe(call == "single-statement write" ? 1 : 0);
    }

    [Fact]
    public async Task CommitTransitionAsync_ConnectionTerminatedBeforeCommit_RunsAgainOnAFreshConnectionOnce()
    {
        await using var holder = await LockAsync("SELECT seq FROM chain_head WHERE id = 1 FOR UPDATE");
        var commit = Store.CommitTransitionAsync(Scan(1));
        var backend = await WaitingBackendAsync("SELECT seq, hash FROM chain_head%");

        await RawPostgres.ExecuteAsync(ConnectionString, "SELECT pg_terminate_backend($1)", backend);
        await holder.DisposeAsync();

        (await commit).ShouldBeOfType<Committed>().Image.Version.ShouldBe(2);
        (await Store.VerifyAuditAsync()).ShouldBe(new AuditVerification(true, 2, null));
    }

    [Fact]
    public async Task CommitTransitionAsync_ConnectionLostDuringCommit_SaysTheOutcomeIsUnknown()
    {
        await using var holder = await LockAsync($"SELECT id FROM images WHERE digest = '{Digest}' FOR UPDATE");
        var commit = Store.CommitTransitionAsync(Scan(1));
        var backend = await WaitingBackendAsync("UPDATE images%");

        // SIGKILL: the backend dies without a word, as when the network drops mid-commit.
        using (var kill = Process.Start("kill", ["-KILL", backend.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        var error = await Should.ThrowAsync<StoreUnavailableException>(() => commit);
        error.Message.ShouldContain("may or may not have been applied");
        error.Message.ShouldNotContain("\n");
    }

    private string ConnectionString => Store.Database.Source.ConnectionString;

    private static TransitionCommit Scan(long version) =>
        new(Digest, version, "Building", "Scanned", "scan_passed", "scanner", null, NoParams, T0.AddMinutes(1));

    private static EvidenceAttachment Evidence() =>
        new(Digest, new SbomFact("cyclonedx", 3, T0), null, null, "ci", T0);

    /// <summary>A connection holding a row lock taken by <paramref name="lockingQuery"/> until disposed.</summary>
    private async Task<NpgsqlConnection> LockAsync(string lockingQuery)
    {
        var connection = new NpgsqlConnection(ConnectionString + ";Pooling=false;Application Name=test-lock-holder");
        await connection.OpenAsync();
        await using (var begin = new NpgsqlCommand("BEGIN", connection))
        {
            await begin.ExecuteNonQueryAsync();
        }

        await using (var take = new NpgsqlCommand(lockingQuery, connection))
        {
            await take.ExecuteNonQueryAsync();
        }

        return connection;
    }

    /// <summary>The pid of the store's backend that waits on a lock while running a query like <paramref name="queryPattern"/>.</summary>
    private async Task<int> WaitingBackendAsync(string queryPattern)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var waiting = await RawPostgres.QueryAsync(
                ConnectionString,
                "SELECT pid FROM pg_stat_activity WHERE application_name = 'vivido' AND wait_event_type = 'Lock' AND query LIKE $1",
                r => r.GetInt32(0),
                queryPattern);
            if (waiting.Count > 0)
            {
                return waiting[0];
            }

            await Task.Delay(20, deadline.Token);
        }
    }
}
