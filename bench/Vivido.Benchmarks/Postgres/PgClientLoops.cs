using Vivido.Benchmarks.Transitions;
using Vivido.Store.Postgres;

namespace Vivido.Benchmarks.Postgres;

/// <summary>
/// Runs one loop per client on its own images for a measured window, then checks that history holds
/// exactly the registrations plus every acknowledged transition.
/// </summary>
internal static class PgClientLoops
{
    public static async Task<PgMeasurement> MeasureAsync(
        PostgresStore store, TransitionSettings settings, PgSegment segment, IReadOnlyList<string> digests,
        Func<IReadOnlyList<string>, LoadWindow, Task> loop)
    {
        using var window = new LoadWindow();
        var loops = Enumerable.Range(0, settings.Clients).Select(c => Task.Run(() => loop(settings.Owned(digests, c), window))).ToList();
        PgMeasurement measurement;
        try
        {
            measurement = await PgProbe.MeasureAsync(window, settings, segment, []).ConfigureAwait(false);
        }
        finally
        {
            // A failed loop aborts the window; its exception surfaces here rather than a cancellation.
            await Task.WhenAll(loops).ConfigureAwait(false);
        }

        await TransitionCheck.VerifyAsync(store, digests.Count + window.Completed).ConfigureAwait(false);
        return measurement;
    }
}
