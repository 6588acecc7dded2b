using System.Collections.Concurrent;
using Vivido.Core.Storage;

namespace Vivido.Store.Compliance;

public abstract partial class StoreComplianceTests
{
    private const int Racers = 32;

    [Fact]
    public async Task CommitTransitionAsync_32RacersOnTheSameVersion_ExactlyOneWins()
    {
        await RegisterAsync(Digest(1));
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var racers = Enumerable.Range(0, Racers).Select(i => Task.Run(async () =>
        {
            await start.Task;
            return await Store.CommitTransitionAsync(new TransitionCommit(
                Digest(1), 1, "Building", "Scanned", "scan_passed", "racer-" + i, null, NoParams, T0.AddSeconds(i)));
        })).ToList();
        start.SetResult();
        var results = await Task.WhenAll(racers);

        var winner = results.OfType<Committed>().ShouldHaveSingleItem();
        results.OfType<VersionConflict>().Count().ShouldBe(Racers - 1);
        results.OfType<VersionConflict>().ShouldAllBe(c => c.ActualVersion == 2);
        var history = await Store.ReadHistoryAsync(Digest(1));
        history.Count.ShouldBe(2);
        history[1].ShouldMatch(winner.Entry);
        (await Store.LoadImageAsync(Digest(1)))!.Version.ShouldBe(2);
    }

    [Fact]
    public async Task CommitTransitionAsync_32RacersRetryingOnConflict_EveryStepOnceAndVersionsByOne()
    {
        await RegisterAsync(Digest(1), state: "A");
        var committed = new ConcurrentBag<Committed>();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var racers = Enumerable.Range(0, Racers).Select(i => Task.Run(async () =>
        {
            await start.Task;
            for (var attempt = 0; attempt < 10 * Racers; attempt++)
            {
                var image = (await Store.LoadImageAsync(Digest(1)))!;
                var to = image.State == "A" ? "B" : "A";
                var result = await Store.CommitTransitionAsync(new TransitionCommit(
                    Digest(1), image.Version, image.State, to, "flip", "racer-" + i, null, NoParams, T0.AddSeconds(i)));
                if (result is Committed c)
                {
                    committed.Add(c);
                    return;
                }
            }
        })).ToList();
        start.SetResult();
        await Task.WhenAll(racers);

        committed.Count.ShouldBe(Racers);
        committed.Select(c => c.Image.Version).Order().ShouldBe(Enumerable.Range(2, Racers).Select(v => (long)v));
        var history = (await Store.ReadHistoryAsync(Digest(1))).Skip(1).ToList();
        history.Select(h => h.Seq).ShouldBe(committed.Select(c => c.Entry.Seq).Order());
        history.Select(h => h.Actor).Distinct().Count().ShouldBe(Racers);
        for (var i = 1; i < history.Count; i++)
        {
            history[i].From.ShouldBe(history[i - 1].To);
        }

        (await Store.LoadImageAsync(Digest(1)))!.Version.ShouldBe(1 + Racers);
        (await Store.VerifyAuditAsync()).ShouldBe(new AuditVerification(true, 1 + Racers, null));
    }
}
