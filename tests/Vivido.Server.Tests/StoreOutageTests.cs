using System.Net;
using Vivido.Server.Tests.Support;
using Vivido.Testing;

namespace Vivido.Server.Tests;

/// <summary>PostgreSQL goes away under a running server: 503 with Retry-After, nothing written, /readyz follows, clients retry through it.</summary>
public sealed class StoreOutageTests(StoreOutageTests.Outage outage) : IClassFixture<StoreOutageTests.Outage>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task PostEvent_PostgresStopped_Answers503WithRetryAfterAndWritesNothing()
    {
        var replica = outage.Replica;
        var digest = await replica.RegisterAsync(TestDigests.NewRepository());
        var before = await replica.Store.CountRowsAsync();

        await outage.Postgres.StopAsync();
        try
        {
            using var response = await replica.Admin.PostAsync($"/api/v1/images/{digest}/events", new { @event = "scan_failed" });
            var problem = await response.ShouldBeProblemAsync(503);
            problem.Str("type").ShouldBe("urn:vivido:problem:store-unavailable");
            problem.Str("title").ShouldBe("Store unavailable");
            problem.Str("detail").ShouldContain("the database cannot be reached; the write was not applied");
            response.Headers.RetryAfter?.Delta.ShouldBe(TimeSpan.FromSeconds(2));

            using var ready = await replica.Anonymous.GetAsync("/readyz");
            (await ready.ShouldBeProblemAsync(503)).Str("type").ShouldBe("urn:vivido:problem:not-ready");
        }
        finally
        {
            await outage.Postgres.RestartAsync();
        }

        await WaitUntilReadyAsync(replica);
        (await replica.Store.CountRowsAsync()).ShouldBe(before);
        using var retried = await replica.Admin.PostAsync($"/api/v1/images/{digest}/events", new { @event = "scan_failed" });
        (await retried.ShouldBeJsonAsync(200)).GetProperty("image").Str("state").ShouldBe("Failed");
    }

    [Fact]
    public async Task CliEvent_AcrossAPostgresRestart_RetriesAndRecordsExactlyOneEntry()
    {
        var replica = outage.Replica;
        var digest = await replica.RegisterAsync(TestDigests.NewRepository());

        await outage.Postgres.StopAsync();
        Task<(int ExitCode, string Output, string Error)> cli;
        try
        {
            cli = VividoCli.RunAsync(
                new Dictionary<string, string> { ["VIVIDO_RETRIES"] = "10" },
                "event", digest, "scan_failed", "--reason", "outage test", "--server", replica.BaseAddress.ToString(), "--token", PostgresReplica.AdminSecret);
            await replica.Logs.WaitForAsync($"Store unavailable on POST /api/v1/images/{digest}/events", Deadline);
        }
        finally
        {
            await outage.Postgres.RestartAsync();
        }

        var run = await cli;
        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.ShouldBe($"{digest}: Building -> Failed by scan_failed, version 2\n");
        var history = await replica.Admin.GetJsonAsync($"/api/v1/images/{digest}/history");
        history.Items().Select(e => (e.Str("event"), e.Str("kind"))).ShouldBe([("register", "accepted"), ("scan_failed", "accepted")]);
    }

    private static async Task WaitUntilReadyAsync(PostgresReplica replica)
    {
        using var deadline = new CancellationTokenSource(Deadline);
        while (true)
        {
            using var ready = await replica.Anonymous.GetAsync("/readyz");
            if (ready.StatusCode == HttpStatusCode.OK)
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), deadline.Token);
        }
    }

    /// <summary>A PostgreSQL server of its own (the tests stop it) and one replica on it.</summary>
    public sealed class Outage : IAsyncLifetime
    {
        private PostgresServer? _postgres;
        private PostgresReplica? _replica;

        public PostgresServer Postgres => _postgres ?? throw new InvalidOperationException("not started");

        internal PostgresReplica Replica => _replica ?? throw new InvalidOperationException("not started");

        public async Task InitializeAsync()
        {
            _postgres = await PostgresServer.StartAsync();
            _replica = await PostgresReplica.StartAsync(await _postgres.CreateDatabaseAsync());
        }

        public async Task DisposeAsync()
        {
            if (_replica is not null)
            {
                await _replica.DisposeAsync();
            }

            if (_postgres is not null)
            {
                await _postgres.DisposeAsync();
            }
        }
    }
}
