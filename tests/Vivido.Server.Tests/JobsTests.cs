using System.Reflection;
using System.Text.Json;
using Vivido.Core.Storage;
using Vivido.Server.Tests.Support;
using Vivido.Testing;

namespace Vivido.Server.Tests;

/// <summary>The timer job running inside real servers on SQLite: short real ticks, a test clock.</summary>
public sealed class JobsTests : IDisposable
{
    private const string Replica = "replica-a:1";

    /// <summary>One timer whose event a guard may refuse: images registered with the attribute 'pinned' stay.</summary>
    private const string Expiring = """
        apiVersion: vivido.dev/v1
        kind: Lifecycle
        metadata: { name: expiring }
        states:
          - { name: Waiting, initial: true }
          - { name: Done, terminal: true }
        transitions:
          - event: finish
            from: Waiting
            to: Done
            guards:
              - { name: not-pinned, expr: "!('pinned' in image.attributes)", message: the image is pinned }
        timers:
          - { state: Waiting, after: 1h, event: finish }
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("vivido-jobs-").FullName;
    private readonly ManualTimeProvider _time = new();

    [Fact]
    public async Task TimerJob_ImagePastItsTimer_IsMovedByTheHostedJob()
    {
        await using var server = await JobsServer.StartAsync(_directory, _time, Replica);
        var digest = TestDigests.New();
        await server.Admin.PostJsonAsync("/api/v1/images", new { repository = "team-a/app", digest }, 201);

        _time.Advance(TimeSpan.FromDays(8));
        var image = await Poll.UntilAsync(() => server.Admin.GetJsonAsync($"/api/v1/images/{digest}"), i => i.Str("state") == "Retired", "the image expires");

        image.Long("version").ShouldBe(2);
        var entry = (await server.Admin.GetJsonAsync($"/api/v1/images/{digest}/history")).Items()[^1];
        entry.Str("event").ShouldBe("expire");
        entry.Str("actor").ShouldBe("vivido:timer");
        entry.Str("detail").ShouldBe($"timer after 7d; replica {Replica}");
    }

    [Fact]
    public async Task TimerJob_GuardRefuses_RecordsTheRefusalOnceAcrossTicks()
    {
        await using var server = await JobsServer.StartAsync(_directory, _time, Replica, Expiring);
        var pinned = TestDigests.New();
        var free = TestDigests.New();
        await server.Admin.PostJsonAsync("/api/v1/images", new { repository = "team-a/app", digest = pinned, attributes = new { pinned = "yes" } }, 201);
        await server.Admin.PostJsonAsync("/api/v1/images", new { repository = "team-a/app", digest = free }, 201);

        _time.Advance(TimeSpan.FromHours(2));
        await Poll.UntilAsync(() => server.Admin.GetJsonAsync($"/api/v1/images/{free}"), i => i.Str("state") == "Done", "the free image finishes");
        await Poll.UntilAsync(() => RejectionsAsync(server, pinned), r => r.Count == 1, "the pinned image's refusal is recorded");
        await TicksAsync(server, 3);

        var rejections = await RejectionsAsync(server, pinned);
        rejections.ShouldHaveSingleItem().Str("actor").ShouldBe("vivido:timer");
        rejections[0].Str("detail").ShouldContain("not-pinned");
        (await server.Admin.GetJsonAsync($"/api/v1/images/{pinned}")).Str("state").ShouldBe("Waiting");
    }

    [Fact]
    public async Task JobsApi_Admin_ShowsTheLeaseHolderAndThisReplica()
    {
        await using var server = await JobsServer.StartAsync(_directory, _time, Replica);

        var jobs = await Poll.UntilAsync(() => server.Admin.GetJsonAsync("/api/v1/jobs"), j => j.Items("leases").Count == 2, "the rescans and timers leases are taken");

        jobs.Str("replicaId").ShouldBe(Replica);
        jobs.GetProperty("runJobs").GetBoolean().ShouldBeTrue();
        jobs.Items("leases").Select(l => l.Str("name")).ShouldBe(["rescans", "timers"]);
        foreach (var lease in jobs.Items("leases"))
        {
            lease.Str("holder").ShouldBe(Replica);
            lease.GetProperty("active").GetBoolean().ShouldBeTrue();
            lease.GetProperty("expiresAt").GetDateTimeOffset().ShouldBeGreaterThan(lease.GetProperty("acquiredAt").GetDateTimeOffset());
        }
    }

    [Fact]
    public async Task JobsApi_NonAdminOrScopedAdmin_Returns403()
    {
        await using var server = await JobsServer.StartAsync(_directory, _time, Replica);
        var everyOtherRole = await TokenAsync(server, "ops", ["reader", "ci", "scanner", "deployer", "approver"], []);
        var scopedAdmin = await TokenAsync(server, "team-admin", ["admin"], ["team-a/*"]);

        using (var response = await everyOtherRole.GetAsync("/api/v1/jobs"))
        {
            await response.ShouldBeProblemAsync(403);
        }

        using (var response = await scopedAdmin.GetAsync("/api/v1/jobs"))
        {
            await response.ShouldBeProblemAsync(403);
        }

        using var anonymous = await server.As("not-a-token").GetAsync("/api/v1/jobs");
        await anonymous.ShouldBeProblemAsync(401);
    }

    [Fact]
    public async Task OpenApi_Document_DescribesTheJobsRoute()
    {
        await using var server = await JobsServer.StartAsync(_directory, _time, Replica);

        var document = await server.Admin.GetJsonAsync("/openapi/v1.json");

        var route = document.GetProperty("paths").GetProperty("/api/v1/jobs").GetProperty("get");
        route.GetProperty("responses").TryGetProperty("403", out _).ShouldBeTrue();
        route.GetProperty("tags")[0].GetString().ShouldBe("Jobs");
    }

    [Fact]
    public async Task TimerJob_TwoReplicas_OneHoldsTheLeaseAndTheOtherTakesOverWhenItStops()
    {
        await using var first = await JobsServer.StartAsync(_directory, _time, "replica-a:1");
        await Poll.UntilAsync(() => HolderAsync(first), h => h == "replica-a:1", "the first replica takes the lease");
        await using var second = await JobsServer.StartAsync(_directory, _time, "replica-b:2");
        await TicksAsync(second, 3);
        (await HolderAsync(second)).ShouldBe("replica-a:1");

        await first.StopAsync();
        await Poll.UntilAsync(() => HolderAsync(second), h => h == "replica-b:2", "the second replica takes over");
        var digest = TestDigests.New();
        await second.Admin.PostJsonAsync("/api/v1/images", new { repository = "team-a/app", digest }, 201);
        _time.Advance(TimeSpan.FromDays(8));

        await Poll.UntilAsync(() => second.Admin.GetJsonAsync($"/api/v1/images/{digest}"), i => i.Str("state") == "Retired", "the image expires");
        (await second.Admin.GetJsonAsync($"/api/v1/images/{digest}/history")).Items()[^1].Str("detail").ShouldEndWith("replica replica-b:2");
    }

    [Fact]
    public async Task TimerJob_StoreUnavailable_KeepsTheHostUpAndRetriesEachTick()
    {
        var attempts = 0;
        await using var server = await JobsServer.StartAsync(_directory, _time, Replica, wrap: inner => UnavailableLeases.Wrap(inner, () => Interlocked.Increment(ref attempts)));

        await Poll.UntilAsync(() => Task.FromResult(Volatile.Read(ref attempts)), n => n >= 3, "the job retries on later ticks");

        (await server.Admin.GetJsonAsync("/api/v1/images?limit=1")).ValueKind.ShouldBe(JsonValueKind.Object);
        (await server.Sqlite.ListLeasesAsync()).ShouldBeEmpty();
        var failures = server.Logs.Lines.Where(l => l.Contains("Job timers failed", StringComparison.Ordinal)).ToList();
        failures.Count.ShouldBeGreaterThanOrEqualTo(2);
        failures.ShouldAllBe(l => l == "Warning: Job timers failed, retrying in 00:00:00.0500000: connection refused (127.0.0.1:5432)");
    }

    [Fact]
    public async Task TimerJob_ServerStops_ReleasesItsLease()
    {
        var server = await JobsServer.StartAsync(_directory, _time, Replica);
        await Poll.UntilAsync(() => HolderAsync(server), h => h == Replica, "the lease is taken");

        await server.StopAsync();

        (await server.Sqlite.ListLeasesAsync()).ShouldBeEmpty();
        await server.DisposeAsync();
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A late SQLite handle; the temp folder is cleaned by the OS.
        }
    }

    private static async Task<string?> HolderAsync(JobsServer server)
    {
        var leases = (await server.Admin.GetJsonAsync("/api/v1/jobs")).Items("leases");
        return leases.Count == 0 ? null : leases[0].Str("holder");
    }

    /// <summary>Waits until the lease was renewed <paramref name="count"/> more times: proof that the job ticked.</summary>
    private static async Task TicksAsync(JobsServer server, int count)
    {
        var seen = new HashSet<DateTimeOffset>();
        await Poll.UntilAsync(
            async () =>
            {
                foreach (var lease in await server.Sqlite.ListLeasesAsync())
                {
                    seen.Add(lease.ExpiresAt);
                }

                return seen.Count;
            },
            n => n > count,
            $"{count} more ticks");
    }

    private static async Task<List<JsonElement>> RejectionsAsync(JobsServer server, string digest) =>
        (await server.Admin.GetJsonAsync($"/api/v1/images/{digest}/history")).Items().Where(e => e.Str("kind") == "rejected").ToList();

    private static async Task<ApiClient> TokenAsync(JobsServer server, string name, string[] roles, string[] repositories)
    {
        var created = await server.Admin.PostJsonAsync("/api/v1/tokens", new { name, roles, repositories }, 201);
        return server.As(created.Str("secret"));
    }

    /// <summary>A store whose lease calls fail as an unreachable database does; everything else works.</summary>
    public class UnavailableLeases : DispatchProxy
    {
        private IVividoStore? _inner;
        private Action? _onAttempt;

        internal static IVividoStore Wrap(IVividoStore inner, Action onAttempt)
        {
            var proxy = Create<IVividoStore, UnavailableLeases>();
            var self = (UnavailableLeases)(object)proxy;
            self._inner = inner;
            self._onAttempt = onAttempt;
            return proxy;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            ArgumentNullException.ThrowIfNull(targetMethod);
            if (targetMethod.Name != nameof(ILeaseStore.TryAcquireLeaseAsync))
            {
                return targetMethod.Invoke(_inner, args);
            }

            _onAttempt!();
            return Task.FromException<Lease?>(new StoreUnavailableException("connection refused (127.0.0.1:5432)"));
        }
    }
}
