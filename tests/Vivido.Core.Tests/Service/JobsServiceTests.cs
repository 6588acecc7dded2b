using Vivido.Core.Service;
using Vivido.Core.Tests.Support;

namespace Vivido.Core.Tests.Service;

public sealed class JobsServiceTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly Caller Admin = new("admin", [Roles.Admin], []);

    private readonly ManualTimeProvider _time = new(T0);
    private SqliteFixture? _database;

    public async Task InitializeAsync() => _database = await SqliteFixture.CreateAsync();

    public async Task DisposeAsync() => await _database!.DisposeAsync();

    [Fact]
    public async Task ListLeasesAsync_Admin_MarksLeasesActiveUntilTheyExpire()
    {
        var store = _database!.Store;
        await store.TryAcquireLeaseAsync("timers", "host-a:1", T0, TimeSpan.FromSeconds(30));
        await store.TryAcquireLeaseAsync("cleanup", "host-b:2", T0.AddSeconds(20), TimeSpan.FromSeconds(30));
        var jobs = new JobsService(store, _time);
        _time.Advance(TimeSpan.FromSeconds(40));

        var leases = (await jobs.ListLeasesAsync(Admin)).Value.ShouldNotBeNull();

        leases.Select(l => (l.Lease.Name, l.Lease.Holder, l.Active)).ShouldBe([("cleanup", "host-b:2", true), ("timers", "host-a:1", false)]);
    }

    [Theory]
    [InlineData("reader,ci,scanner,deployer,approver", "")]
    [InlineData("admin", "team-a/*")]
    public async Task ListLeasesAsync_NotAnUnscopedAdmin_IsDenied(string roles, string repositories)
    {
        var caller = new Caller("someone", roles.Split(','), repositories.Length == 0 ? [] : [repositories]);

        var result = await new JobsService(_database!.Store, _time).ListLeasesAsync(caller);

        result.Failure.ShouldBeOfType<AccessDenied>();
    }
}
