using System.Text.Json;
using Vivido.Core.Evidence;
using Vivido.Core.Images;
using Vivido.Core.Lifecycles;
using Vivido.Core.Storage;
using Vivido.Core.Tests.Support;
using Vivido.Store.Sqlite;

namespace Vivido.Core.Tests.Evidence;

/// <summary>Re-scan requests on the real SQLite store, driven by a manual clock.</summary>
public sealed class RescanServiceTests : IAsyncLifetime
{
    private const string Repository = "registry.example.com/team/app";
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly ManualTimeProvider _time = new(T0);
    private SqliteFixture? _database;

    private SqliteStore Store => _database!.Store;

    public async Task InitializeAsync() => _database = await SqliteFixture.CreateAsync();

    public async Task DisposeAsync() => await _database!.DisposeAsync();

    [Fact]
    public async Task RequestDue_ActiveImageScannedLongAgo_OneMessagePerPeriod()
    {
        var active = await RegisterAsync(1, "Active", scanned: true);
        var service = new RescanService(Store, LifecycleLoader.LoadDefault(), _time);

        var fresh = await service.RequestDueAsync(null, default);
        _time.Advance(TimeSpan.FromDays(8));
        var due = await service.RequestDueAsync(null, default);
        var repeated = await service.RequestDueAsync(null, default);
        _time.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        var nextWeek = await service.RequestDueAsync(null, default);

        (fresh, due, repeated, nextWeek).ShouldBe((0, 1, 0, 1));
        var messages = (await Store.ReadOutboxAsync(0, 10)).Where(m => m.Topic == RescanService.Topic).ToList();
        messages.Count.ShouldBe(2);
        messages.ShouldAllBe(m => m.Seq == null);
        using var payload = JsonDocument.Parse(messages[0].Payload);
        payload.RootElement.GetProperty("digest").GetString().ShouldBe(active);
        payload.RootElement.GetProperty("state").GetString().ShouldBe("Active");
        payload.RootElement.GetProperty("lastScannedAt").GetDateTimeOffset().ShouldBe(T0);
    }

    [Fact]
    public async Task RequestDue_OnlyConfiguredStates_AndNeverScannedCounts()
    {
        var unscanned = await RegisterAsync(2, "Deprecated", scanned: false);
        await RegisterAsync(3, "Building", scanned: true);
        _time.Advance(TimeSpan.FromDays(30));

        var requested = await new RescanService(Store, LifecycleLoader.LoadDefault(), _time).RequestDueAsync(null, default);

        requested.ShouldBe(1);
        var message = (await Store.ReadOutboxAsync(0, 10)).ShouldHaveSingleItem();
        using var payload = JsonDocument.Parse(message.Payload);
        payload.RootElement.GetProperty("digest").GetString().ShouldBe(unscanned);
        payload.RootElement.GetProperty("lastScannedAt").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task RequestDue_LifecycleWithoutRescan_RequestsNothing()
    {
        await RegisterAsync(4, "Active", scanned: false);
        _time.Advance(TimeSpan.FromDays(30));
        var lifecycle = LifecycleLoader.LoadDefault() with { };
        var without = lifecycle with { Evidence = lifecycle.Evidence with { RescanAfter = null } };

        (await new RescanService(Store, without, _time).RequestDueAsync(null, default)).ShouldBe(0);
        (await Store.ReadOutboxAsync(0, 10)).ShouldBeEmpty();
    }

    private async Task<string> RegisterAsync(int n, string state, bool scanned)
    {
        var digest = "sha256:" + n.ToString("x64", System.Globalization.CultureInfo.InvariantCulture);
        await Store.RegisterImageAsync(new ImageRegistration(digest, Repository, state, [], new Dictionary<string, string>(), "ci", _time.Now));
        if (scanned)
        {
            await Store.AttachEvidenceAsync(new EvidenceAttachment(digest, new ScanFact("trivy", 0, 0, 0, 0, 0, 10, [], _time.Now), "{}", "application/json", "scanner", _time.Now));
        }

        return digest;
    }
}
