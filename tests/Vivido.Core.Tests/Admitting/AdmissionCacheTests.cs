using System.Text;
using System.Text.Json;
using Vivido.Core.Admitting;
using Vivido.Core.Lifecycles;
using Vivido.Core.Storage;
using Vivido.Core.Tests.Support;
using Vivido.Store.Sqlite;

namespace Vivido.Core.Tests.Admitting;

/// <summary>Admission answers from a short-lived cache: a state change shows within the cache time, never later.</summary>
public sealed class AdmissionCacheTests : IAsyncLifetime
{
    private const string Repository = "registry.example.com/team/api";
    private static readonly string Digest = "sha256:" + new string('a', 64);
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
    private SqliteFixture? _database;

    private SqliteStore Store => _database!.Store;

    public async Task InitializeAsync() => _database = await SqliteFixture.CreateAsync();

    public async Task DisposeAsync() => await _database!.DisposeAsync();

    [Fact]
    public async Task Validate_StateChangedAfterAnAnswer_SeenOnceTheCacheTimePasses()
    {
        await Store.RegisterImageAsync(new ImageRegistration(Digest, Repository, "Active", [], new Dictionary<string, string>(), "ci", _time.Now));
        var admission = new AdmissionService(Store, LifecycleLoader.LoadDefault(), _time, new AdmissionOptions(CacheTtl: TimeSpan.FromSeconds(1)));

        var before = await AllowedAsync(admission);
        await QuarantineAsync();
        var cached = await AllowedAsync(admission);
        _time.Advance(TimeSpan.FromSeconds(1));
        var after = await AllowedAsync(admission);

        (before, cached, after).ShouldBe((true, true, false));
    }

    [Fact]
    public async Task Validate_CacheOff_SeesEveryChangeAtOnce()
    {
        await Store.RegisterImageAsync(new ImageRegistration(Digest, Repository, "Active", [], new Dictionary<string, string>(), "ci", _time.Now));
        var admission = new AdmissionService(Store, LifecycleLoader.LoadDefault(), _time, new AdmissionOptions(CacheTtl: TimeSpan.Zero));

        (await AllowedAsync(admission)).ShouldBeTrue();
        await QuarantineAsync();
        (await AllowedAsync(admission)).ShouldBeFalse();
    }

    private async Task QuarantineAsync()
    {
        var image = (await Store.LoadImageAsync(Digest)).ShouldNotBeNull();
        (await Store.CommitTransitionAsync(new TransitionCommit(
            Digest, image.Version, "Active", "Quarantined", "quarantine", "test", "critical", new Dictionary<string, string>(), _time.Now))).ShouldBeOfType<Committed>();
    }

    private static async Task<bool> AllowedAsync(AdmissionService admission)
    {
        var review = "{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\",\"request\":{\"uid\":\"u1\",\"kind\":{\"group\":\"\",\"version\":\"v1\",\"kind\":\"Pod\"},"
            + "\"namespace\":\"prod-eu\",\"operation\":\"CREATE\",\"dryRun\":true,\"object\":{\"metadata\":{\"name\":\"p\"},"
            + $"\"spec\":{{\"containers\":[{{\"name\":\"a\",\"image\":\"{Repository}@{Digest}\"}}]}}}}}}}}";
        var outcome = await admission.ValidateAsync(Encoding.UTF8.GetBytes(review));
        using var response = JsonDocument.Parse(outcome.Response);
        response.RootElement.GetProperty("response").GetProperty("allowed").GetBoolean().ShouldBe(outcome.Allowed);
        return outcome.Allowed;
    }
}
