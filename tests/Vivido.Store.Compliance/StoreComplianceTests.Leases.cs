using Vivido.Core.Storage;

namespace Vivido.Store.Compliance;

public abstract partial class StoreComplianceTests
{
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task TryAcquireLeaseAsync_Free_TakesItUntilTtl()
    {
        var lease = await Store.TryAcquireLeaseAsync("timers", "host-a:1", T0, Ttl);

        lease.ShouldBe(new Lease("timers", "host-a:1", T0, T0 + Ttl));
        (await Store.ListLeasesAsync()).ShouldBe([lease!]);
    }

    [Fact]
    public async Task TryAcquireLeaseAsync_RenewedByTheHolder_KeepsAcquiredAtAndExtends()
    {
        await Store.TryAcquireLeaseAsync("timers", "host-a:1", T0, Ttl);

        var renewed = await Store.TryAcquireLeaseAsync("timers", "host-a:1", T0.AddSeconds(20), Ttl);

        renewed.ShouldBe(new Lease("timers", "host-a:1", T0, T0.AddSeconds(50)));
        (await Store.ListLeasesAsync()).ShouldBe([renewed!]);
    }

    [Fact]
    public async Task TryAcquireLeaseAsync_OtherHolder_RefusedUntilTheLeaseExpires()
    {
        await Store.TryAcquireLeaseAsync("timers", "host-a:1", T0, Ttl);

        (await Store.TryAcquireLeaseAsync("timers", "host-b:2", T0.AddSeconds(29), Ttl)).ShouldBeNull();
        var taken = await Store.TryAcquireLeaseAsync("timers", "host-b:2", T0.AddSeconds(30), Ttl);

        taken.ShouldBe(new Lease("timers", "host-b:2", T0.AddSeconds(30), T0.AddSeconds(60)));
        (await Store.TryAcquireLeaseAsync("timers", "host-a:1", T0.AddSeconds(31), Ttl)).ShouldBeNull();
        (await Store.ListLeasesAsync()).ShouldBe([taken!]);
    }

    [Fact]
    public async Task TryAcquireLeaseAsync_TwoNames_AreIndependentAndListedByName()
    {
        var timers = await Store.TryAcquireLeaseAsync("timers", "host-a:1", T0, Ttl);
        var cleanup = await Store.TryAcquireLeaseAsync("cleanup", "host-b:2", T0, Ttl);

        (await Store.ListLeasesAsync()).ShouldBe([cleanup!, timers!]);
    }

    [Fact]
    public async Task ReleaseLeaseAsync_OnlyTheHolder_ReleasesAndAnotherTakesItAtOnce()
    {
        await Store.TryAcquireLeaseAsync("timers", "host-a:1", T0, Ttl);

        (await Store.ReleaseLeaseAsync("timers", "host-b:2")).ShouldBeFalse();
        (await Store.ReleaseLeaseAsync("timers", "host-a:1")).ShouldBeTrue();

        (await Store.ListLeasesAsync()).ShouldBeEmpty();
        (await Store.ReleaseLeaseAsync("timers", "host-a:1")).ShouldBeFalse();
        (await Store.TryAcquireLeaseAsync("timers", "host-b:2", T0.AddSeconds(1), Ttl)).ShouldNotBeNull().Holder.ShouldBe("host-b:2");
    }

    [Fact]
    public async Task TryAcquireLeaseAsync_NonPositiveTtlOrEmptyNames_Throws()
    {
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => Store.TryAcquireLeaseAsync("timers", "host-a:1", T0, TimeSpan.Zero));
        await Should.ThrowAsync<ArgumentException>(() => Store.TryAcquireLeaseAsync("", "host-a:1", T0, Ttl));
        await Should.ThrowAsync<ArgumentException>(() => Store.TryAcquireLeaseAsync("timers", " ", T0, Ttl));
        (await Store.ListLeasesAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task TryAcquireLeaseAsync_16ReplicasAtOnce_ExactlyOneHoldsIt()
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var replicas = Enumerable.Range(0, 16).Select(i => Task.Run(async () =>
        {
            await start.Task;
            return await Store.TryAcquireLeaseAsync("timers", "replica-" + i, T0, Ttl);
        })).ToList();
        start.SetResult();
        var leases = await Task.WhenAll(replicas);

        var winner = leases.OfType<Lease>().ShouldHaveSingleItem();
        (await Store.ListLeasesAsync()).ShouldBe([winner]);
    }
}
