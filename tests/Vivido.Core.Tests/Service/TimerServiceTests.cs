using System.Globalization;
using Vivido.Core.Images;
using Vivido.Core.Lifecycles;
using Vivido.Core.Service;
using Vivido.Core.Storage;
using Vivido.Core.Tests.Support;
using Vivido.Store.Sqlite;

namespace Vivido.Core.Tests.Service;

/// <summary>Timers on the real SQLite store with a clock the test moves.</summary>
public sealed class TimerServiceTests : IAsyncLifetime
{
    private const string Replica = "host-a:101";
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly IReadOnlyDictionary<string, string> NoParams = new Dictionary<string, string>();

    private readonly ManualTimeProvider _time = new(T0);
    private SqliteFixture? _database;

    private SqliteStore Store => _database!.Store;

    public async Task InitializeAsync() => _database = await SqliteFixture.CreateAsync();

    public async Task DisposeAsync() => await _database!.DisposeAsync();

    [Fact]
    public async Task FireDueAsync_ImagesPastTheirTimer_FiresTheEventAsTheTimerActor()
    {
        var first = await RegisterAsync(1);
        var second = await RegisterAsync(2);
        _time.Advance(TimeSpan.FromDays(7));

        var run = await Timers().FireDueAsync(Replica, CancellationToken.None);

        run.ShouldBe(new TimerRun(Fired: 2, Refused: 0, Skipped: 0, Completed: true));
        foreach (var digest in new[] { first, second })
        {
            var entry = (await Store.ReadHistoryAsync(digest))[^1];
            entry.ShouldBe(entry with
            {
                Kind = HistoryKind.Accepted, Event = "expire", From = "Building", To = "Retired", Actor = TimerService.ActorName,
                Reason = "7d in Building", Detail = "timer after 7d; replica host-a:101", At = _time.Now,
            });
        }
    }

    [Fact]
    public async Task FireDueAsync_NotYetDue_WritesNothing()
    {
        var digest = await RegisterAsync(1);
        _time.Advance(TimeSpan.FromDays(7) - TimeSpan.FromSeconds(1));
        var counts = await Store.CountRowsAsync();

        var run = await Timers().FireDueAsync(Replica, CancellationToken.None);

        run.ShouldBe(new TimerRun(0, 0, 0, true));
        (await Store.CountRowsAsync()).ShouldBe(counts);
        (await Store.LoadImageAsync(digest))!.State.ShouldBe("Building");
    }

    [Fact]
    public async Task FireDueAsync_GuardRefuses_RecordsTheRefusalOnceForThatStay()
    {
        var digest = await RegisterAsync(1, "Deprecated");
        await DeployAsync(digest, DeploymentStatus.Healthy);
        _time.Advance(TimeSpan.FromDays(31));

        var refused = await Timers().FireDueAsync(Replica, CancellationToken.None);
        _time.Advance(TimeSpan.FromHours(1));
        var again = await Timers().FireDueAsync(Replica, CancellationToken.None);

        refused.ShouldBe(new TimerRun(0, 1, 0, true));
        again.ShouldBe(new TimerRun(0, 0, 0, true));
        var history = await Store.ReadHistoryAsync(digest);
        history.Count(h => h.Kind == HistoryKind.Rejected).ShouldBe(1);
        var rejection = history[^1];
        rejection.ShouldBe(rejection with { Event = "retire", From = "Deprecated", To = null, Actor = TimerService.ActorName });
        rejection.Detail.ShouldNotBeNull().ShouldContain("running-nowhere");
        rejection.Detail.ShouldContain("\"timer\":\"timer after 30d; replica host-a:101\"");
        (await Store.LoadImageAsync(digest))!.State.ShouldBe("Deprecated");
    }

    [Fact]
    public async Task FireDueAsync_RefusedStayEndsAndTheImageComesBack_FiresForTheNewStay()
    {
        var digest = await RegisterAsync(1, "Deprecated");
        await DeployAsync(digest, DeploymentStatus.Healthy);
        _time.Advance(TimeSpan.FromDays(31));
        await Timers().FireDueAsync(Replica, CancellationToken.None);
        await DeployAsync(digest, DeploymentStatus.Stopped);

        await MoveAsync(digest, "Active");
        await MoveAsync(digest, "Deprecated");
        _time.Advance(TimeSpan.FromDays(30));
        var run = await Timers().FireDueAsync(Replica, CancellationToken.None);

        run.ShouldBe(new TimerRun(1, 0, 0, true));
        (await Store.LoadImageAsync(digest))!.State.ShouldBe("Retired");
    }

    [Fact]
    public async Task FireDueAsync_ManyCameDueWhileNothingRan_FiresThemAllPageByPage()
    {
        const int count = TimerService.PageSize * 2 + 50;
        for (var i = 1; i <= count; i++)
        {
            await RegisterAsync(i);
        }

        _time.Advance(TimeSpan.FromDays(100));
        var renewals = 0;

        var run = await Timers().FireDueAsync(Replica, _ => Task.FromResult(++renewals > 0), CancellationToken.None);

        run.ShouldBe(new TimerRun(count, 0, 0, true));
        (await Store.ListImagesAsync(new ImageQuery(State: "Retired", Limit: 1000))).Items.Count.ShouldBe(count);
        // One listing per timer (Deprecated, Scanned, Staged) plus three pages for Building; the hook runs before all but the first.
        renewals.ShouldBe(5);
    }

    [Fact]
    public async Task FireDueAsync_HookSaysStop_EndsIncompleteBeforeTheNextListing()
    {
        var digest = await RegisterAsync(1);
        _time.Advance(TimeSpan.FromDays(8));

        var run = await Timers().FireDueAsync(Replica, _ => Task.FromResult(false), CancellationToken.None);

        run.ShouldBe(new TimerRun(0, 0, 0, Completed: false));
        (await Store.LoadImageAsync(digest))!.State.ShouldBe("Building");
    }

    [Fact]
    public async Task FireDueAsync_AnotherWriterMovesTheImageFirst_SkipsItAndWritesNothing()
    {
        var digest = await RegisterAsync(1);
        _time.Advance(TimeSpan.FromDays(8));
        var racing = InterceptingStore.Wrap(Store, async due =>
        {
            foreach (var timer in due)
            {
                await Store.CommitTransitionAsync(new TransitionCommit(timer.Digest, timer.Version, "Building", "Scanned", "scan_passed", "scanner", null, NoParams, _time.Now));
            }
        });

        var run = await Timers(racing).FireDueAsync(Replica, CancellationToken.None);

        run.ShouldBe(new TimerRun(0, 0, 1, true));
        var history = await Store.ReadHistoryAsync(digest);
        history.Select(h => h.Actor).ShouldBe(["ci-bot", "scanner"]);
    }

    [Fact]
    public async Task FireDueAsync_VetoedBeforeItsTurn_SkipsNowAndFiresOnTheNextRun()
    {
        var digest = await RegisterAsync(1);
        _time.Advance(TimeSpan.FromDays(8));
        var vetoOnce = InterceptingStore.Wrap(Store, async due =>
        {
            if (due.Count > 0 && !(await Store.LoadImageAsync(due[0].Digest))!.Vetoed)
            {
                await Store.RecordVetoAsync(new VetoRecord(due[0].Digest, "erin", "CVE", _time.Now));
            }
        });

        var first = await Timers(vetoOnce).FireDueAsync(Replica, CancellationToken.None);
        var second = await Timers(vetoOnce).FireDueAsync(Replica, CancellationToken.None);

        first.ShouldBe(new TimerRun(0, 0, 1, true));
        second.ShouldBe(new TimerRun(1, 0, 0, true));
        (await Store.LoadImageAsync(digest))!.State.ShouldBe("Retired");
    }

    [Fact]
    public async Task FireDueAsync_TimerIntoAnOccupiedExclusiveState_FiresOneAndRecordsTheConflictForTheOther()
    {
        var lifecycle = LifecycleLoader.Load(AutoPromote, "auto.yaml").Lifecycle.ShouldNotBeNull();
        var early = await RegisterAsync(1, "Waiting");
        _time.Advance(TimeSpan.FromMinutes(1));
        var late = await RegisterAsync(2, "Waiting");
        _time.Advance(TimeSpan.FromHours(2));

        var run = await Timers(lifecycle: lifecycle).FireDueAsync(Replica, CancellationToken.None);

        run.ShouldBe(new TimerRun(1, 1, 0, true));
        (await Store.LoadImageAsync(early))!.State.ShouldBe("Live");
        (await Store.LoadImageAsync(late))!.State.ShouldBe("Waiting");
        var conflict = (await Store.ReadHistoryAsync(late))[^1];
        conflict.Kind.ShouldBe(HistoryKind.Rejected);
        conflict.Detail.ShouldNotBeNull().ShouldContain($"{late} cannot enter Live: {early} is already Live");
        (await Store.ReadOutboxAsync(0, 10)).Select(o => o.Topic).ShouldBe(["image.live"]);
        (await Timers(lifecycle: lifecycle).FireDueAsync(Replica, CancellationToken.None)).ShouldBe(new TimerRun(0, 0, 0, true));
    }

    [Theory]
    [InlineData(30 * 86400, "30d")]
    [InlineData(36 * 3600, "1d12h")]
    [InlineData(90 * 60, "1h30m")]
    [InlineData(45, "45s")]
    [InlineData(86400 + 61, "1d1m1s")]
    public void FormatDuration_Duration_IsWrittenAsTheLifecycleFileWritesIt(int seconds, string expected) =>
        TimerService.FormatDuration(TimeSpan.FromSeconds(seconds)).ShouldBe(expected);

    private const string AutoPromote = """
        apiVersion: vivido.dev/v1
        kind: Lifecycle
        metadata: { name: auto }
        states:
          - { name: Waiting, initial: true }
          - { name: Live, exclusive: true }
        transitions:
          - event: go_live
            from: Waiting
            to: Live
            effects:
              - notify: { topic: image.live }
          - { event: step_down, from: Live, to: Waiting }
        timers:
          - { state: Waiting, after: 1h, event: go_live }
        """;

    private TimerService Timers(IVividoStore? store = null, Lifecycle? lifecycle = null) =>
        new(store ?? Store, lifecycle ?? LifecycleLoader.LoadDefault(), _time);

    private async Task<string> RegisterAsync(int n, string state = "Building")
    {
        var digest = "sha256:" + n.ToString("x64", CultureInfo.InvariantCulture);
        await Store.RegisterImageAsync(new ImageRegistration(digest, "team/app", state, [], NoParams, "ci-bot", _time.Now));
        return digest;
    }

    private async Task MoveAsync(string digest, string to)
    {
        var image = (await Store.LoadImageAsync(digest))!;
        (await Store.CommitTransitionAsync(new TransitionCommit(digest, image.Version, image.State, to, "step", "ops", null, NoParams, _time.Now)))
            .ShouldBeOfType<Committed>();
    }

    private Task DeployAsync(string digest, DeploymentStatus status) =>
        Store.RecordDeploymentAsync(new DeploymentReport(digest, "production", "eu-1", "prod", "deployment/app", status, _time.Now));
}
