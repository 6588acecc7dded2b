using System.Globalization;
using Vivido.Core.Cleanup;
using Vivido.Core.Images;
using Vivido.Core.Lifecycles;
using Vivido.Core.Registries;
using Vivido.Core.Service;
using Vivido.Core.Storage;
using Vivido.Core.Tests.Support;
using Vivido.Store.Sqlite;

namespace Vivido.Core.Tests.Service;

/// <summary>The cleanup plan and run on the real SQLite store; the registry is a fake deleter that records its calls.</summary>
public sealed class CleanupServiceTests : IAsyncLifetime
{
    private const string Repository = "registry.example.com/team/app";
    private static readonly DateTimeOffset T0 = new(2026, 2, 1, 0, 0, 0, TimeSpan.Zero);
    private const string Replica = "replica-a";
    private static readonly Caller Admin = new("ops", [Roles.Admin], []);

    private readonly ManualTimeProvider _time = new(T0);
    private SqliteFixture? _database;

    private SqliteStore Store => _database!.Store;

    public async Task InitializeAsync() => _database = await SqliteFixture.CreateAsync();

    public async Task DisposeAsync() => await _database!.DisposeAsync();

    [Fact]
    public async Task PlanAsync_MixedRepository_DeletesOnlyRetiredImagesNothingNeeds()
    {
        var images = await SeedAsync();

        var plan = (await Cleanup(new FakeDeleter()).PlanAsync(Admin, null)).Value.ShouldNotBeNull();

        plan.At.ShouldBe(_time.Now);
        plan.KeepRollbackCandidates.ShouldBe(3);
        plan.Delete.Select(d => d.Digest).ShouldBe([images.OldRetired, images.StoppedRetired, images.MiddleRetired]);
        plan.AlreadyDeleted.ShouldBeEmpty();
        var keep = plan.Keep.ToDictionary(k => k.Digest);
        keep[images.Active].ShouldBe(new CleanupKept(images.Active, Repository, "Active", KeepReasons.NotRetired, "Active, not Retired"));
        keep[images.Deprecated].Reason.ShouldBe(KeepReasons.NotRetired);
        keep[images.RunningRetired].Reason.ShouldBe(KeepReasons.Running);
        keep[images.RunningRetired].Detail.ShouldBe("running in production (eu-1/prod/deployment/app, degraded); rollback candidate #3 of 3");
        keep[images.NewestRetired].ShouldBe(new CleanupKept(images.NewestRetired, Repository, "Retired", KeepReasons.RollbackCandidate, "rollback candidate #2 of 3"));
        keep.Count.ShouldBe(4);
    }

    [Fact]
    public async Task RunAsync_AnotherReplicaRunningACleanup_IsRefusedAndDeletesNothing()
    {
        await SeedAsync();
        var deleter = new FakeDeleter();
        (await Store.TryAcquireLeaseAsync(CleanupService.LeaseName, "replica-b", _time.GetUtcNow(), TimeSpan.FromMinutes(1))).ShouldNotBeNull();

        var refused = await Cleanup(deleter).RunAsync(Admin, Replica);
        (await Store.ReleaseLeaseAsync(CleanupService.LeaseName, "replica-b")).ShouldBeTrue();
        var run = (await Cleanup(deleter).RunAsync(Admin, Replica)).Value.ShouldNotBeNull();

        refused.Failure.ShouldBeOfType<StateConflict>().Message.ShouldContain("replica-b");
        run.Deleted.ShouldNotBeEmpty();
        (await Store.ListLeasesAsync()).ShouldNotContain(l => l.Name == CleanupService.LeaseName, "the run releases its lease");
    }

    [Fact]
    public async Task RunAsync_Twice_DeletesThePlanOnceAndRecordsEachDeletionInHistory()
    {
        var images = await SeedAsync();
        var deleter = new FakeDeleter();
        var planned = (await Cleanup(deleter).PlanAsync(Admin, null)).Value!.Delete.Select(d => d.Digest).ToList();

        var first = (await Cleanup(deleter).RunAsync(Admin, Replica)).Value.ShouldNotBeNull();
        var second = (await Cleanup(deleter).RunAsync(Admin, Replica)).Value.ShouldNotBeNull();

        first.Deleted.Select(d => d.Digest).ShouldBe(planned);
        first.Failed.ShouldBeEmpty();
        deleter.Calls.ShouldBe(planned.Select(d => (Repository, d)));
        second.Deleted.ShouldBeEmpty();
        second.Plan.Delete.ShouldBeEmpty();
        second.Plan.AlreadyDeleted.Select(d => d.Digest).Order().ShouldBe(planned.Order());
        foreach (var done in first.Deleted)
        {
            var entry = (await Store.ReadHistoryAsync(done.Digest))[^1];
            entry.ShouldBe(entry with
            {
                Seq = done.HistorySeq,
                Event = CleanupService.DeletedEvent,
                Kind = HistoryKind.Accepted,
                From = "Retired",
                To = "Retired",
                Actor = "ops",
                Reason = "cleanup",
                Detail = "manifest deleted from the registry",
            });
        }

        (await Store.LoadImageAsync(images.NewestRetired))!.Version.ShouldBe(1);
        (await Store.VerifyAuditAsync()).Ok.ShouldBeTrue();
    }

    [Fact]
    public async Task RunAsync_RegistryError_RecordsTheFailureAndLeavesTheImageNotDeleted()
    {
        var images = await SeedAsync();
        var deleter = new FakeDeleter { Failing = images.StoppedRetired };

        var run = (await Cleanup(deleter).RunAsync(Admin, Replica)).Value.ShouldNotBeNull();

        run.Deleted.Select(d => d.Digest).ShouldBe([images.OldRetired, images.MiddleRetired]);
        var failure = run.Failed.ShouldHaveSingleItem();
        failure.ShouldBe(new CleanupFailure(images.StoppedRetired, Repository, "registry error: registry.example.com: 503 Service Unavailable"));
        var rejection = (await Store.ReadHistoryAsync(images.StoppedRetired))[^1];
        rejection.ShouldBe(rejection with { Kind = HistoryKind.Rejected, Event = CleanupService.DeletedEvent, From = "Retired", To = null, Detail = failure.Error });
        var plan = (await Cleanup(new FakeDeleter()).PlanAsync(Admin, null)).Value!;
        plan.Delete.ShouldHaveSingleItem().Digest.ShouldBe(images.StoppedRetired);
    }

    [Fact]
    public async Task RunAsync_ManifestAlreadyGone_RecordsItAsDeletedAndAbsent()
    {
        var images = await SeedAsync();

        var run = (await Cleanup(new FakeDeleter { Absent = true }).RunAsync(Admin, Replica)).Value.ShouldNotBeNull();

        run.Deleted.Count.ShouldBe(3);
        (await Store.ReadHistoryAsync(images.OldRetired))[^1].Detail.ShouldBe("manifest already absent from the registry");
    }

    [Fact]
    public async Task RunAsync_DeploymentStartsDuringTheRun_SkipsThatImage()
    {
        var images = await SeedAsync();
        var deleter = new FakeDeleter();
        deleter.OnFirstCall = () => DeployAsync(images.MiddleRetired, DeploymentStatus.Healthy);

        var run = (await Cleanup(deleter).RunAsync(Admin, Replica)).Value.ShouldNotBeNull();

        run.Deleted.Select(d => d.Digest).ShouldBe([images.OldRetired, images.StoppedRetired]);
        run.Failed.ShouldHaveSingleItem().ShouldBe(new CleanupFailure(images.MiddleRetired, Repository, "a deployment started running it since the plan was made"));
        deleter.Calls.Select(c => c.Digest).ShouldNotContain(images.MiddleRetired);
    }

    [Fact]
    public async Task RunAsync_NotAdmin_AccessDeniedAndNothingDeleted()
    {
        await SeedAsync();
        var deleter = new FakeDeleter();

        var run = await Cleanup(deleter).RunAsync(new Caller("ci-bot", [Roles.Ci], []), Replica);

        run.Failure.ShouldBeOfType<AccessDenied>();
        deleter.Calls.ShouldBeEmpty();
    }

    [Fact]
    public async Task PlanAsync_AtInThePast_InvalidInput()
    {
        var result = await Cleanup(new FakeDeleter()).PlanAsync(Admin, _time.Now.AddSeconds(-1));

        result.Failure.ShouldBeOfType<InvalidInput>().Field.ShouldBe("at");
    }

    [Fact]
    public async Task PlanAsync_LaterTime_SamePlanAsNow()
    {
        await SeedAsync();
        var service = Cleanup(new FakeDeleter());

        var now = (await service.PlanAsync(Admin, null)).Value!;
        var later = (await service.PlanAsync(Admin, _time.Now.AddDays(60))).Value!;

        later.Delete.ShouldBe(now.Delete);
        later.Keep.ShouldBe(now.Keep);
        later.At.ShouldBe(_time.Now.AddDays(60));
    }

    [Fact]
    public async Task PlanAsync_ScopedToken_SeesOnlyItsRepositories()
    {
        await SeedAsync();
        var other = await RegisterAsync(99, "Retired", "registry.example.com/team/other");

        var plan = (await Cleanup(new FakeDeleter()).PlanAsync(new Caller("viewer", [Roles.Reader], ["registry.example.com/team/other"]), null)).Value!;

        plan.Delete.ShouldBeEmpty();
        plan.Keep.ShouldHaveSingleItem().ShouldBe(
            new CleanupKept(other, "registry.example.com/team/other", "Retired", KeepReasons.RollbackCandidate, "rollback candidate #1 of 3"));
    }

    [Fact]
    public async Task PlanAsync_NoRetentionRoom_EveryUnusedRetiredImageGoes()
    {
        var lifecycle = LifecycleLoader.Load(
            LifecycleLoader.DefaultYaml().Replace("keepRollbackCandidates: 3", "keepRollbackCandidates: 0", StringComparison.Ordinal), "zero.yaml")
            .Lifecycle.ShouldNotBeNull();
        var images = await SeedAsync();

        var plan = (await new CleanupService(Store, lifecycle, new FakeDeleter(), _time).PlanAsync(Admin, null)).Value!;

        plan.KeepRollbackCandidates.ShouldBe(0);
        plan.Delete.Select(d => d.Digest).ShouldBe([images.OldRetired, images.StoppedRetired, images.MiddleRetired, images.NewestRetired]);
    }

    private CleanupService Cleanup(IRegistryDeleter deleter) => new(Store, LifecycleLoader.LoadDefault(), deleter, _time);

    /// <summary>
    /// One repository: Active, Deprecated, and five Retired images retired an hour apart: the oldest,
    /// one whose deployment stopped, a middle one, one still running (degraded) and the newest.
    /// </summary>
    private async Task<Seeded> SeedAsync()
    {
        var active = await RegisterAsync(1, "Active");
        var deprecated = await RegisterAsync(2, "Deprecated");
        var old = await RegisterAsync(3, "Retired");
        var stopped = await RegisterAsync(4, "Retired");
        await DeployAsync(stopped, DeploymentStatus.Stopped);
        var middle = await RegisterAsync(5, "Retired");
        var running = await RegisterAsync(6, "Retired");
        await DeployAsync(running, DeploymentStatus.Degraded);
        var newest = await RegisterAsync(7, "Retired");
        return new Seeded(active, deprecated, old, stopped, middle, running, newest);
    }

    private async Task<string> RegisterAsync(int n, string state, string repository = Repository)
    {
        _time.Advance(TimeSpan.FromHours(1));
        var digest = "sha256:" + n.ToString("x64", CultureInfo.InvariantCulture);
        await Store.RegisterImageAsync(new ImageRegistration(digest, repository, state, [], new Dictionary<string, string>(), "ci-bot", _time.Now));
        return digest;
    }

    private Task DeployAsync(string digest, DeploymentStatus status) =>
        Store.RecordDeploymentAsync(new DeploymentReport(digest, "production", "eu-1", "prod", "deployment/app", status, _time.Now));

    private sealed record Seeded(
        string Active, string Deprecated, string OldRetired, string StoppedRetired, string MiddleRetired, string RunningRetired, string NewestRetired);

    /// <summary>Records each delete; throws as a failing registry for <see cref="Failing"/>.</summary>
    private sealed class FakeDeleter : IRegistryDeleter
    {
        public List<(string Repository, string Digest)> Calls { get; } = [];

        public string? Failing { get; init; }

        public bool Absent { get; init; }

        public Func<Task>? OnFirstCall { get; set; }

        public async Task<bool> DeleteManifestAsync(string repository, string digest, CancellationToken cancellationToken = default)
        {
            if (OnFirstCall is { } first)
            {
                OnFirstCall = null;
                await first();
            }

            if (digest == Failing)
            {
                throw new RegistryUnavailableException("registry.example.com: 503 Service Unavailable");
            }

            Calls.Add((repository, digest));
            return !Absent;
        }
    }
}
