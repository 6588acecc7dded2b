using Vivido.Benchmarks.Common;
using Vivido.Benchmarks.Transitions;
using Vivido.Core.Storage;

namespace Vivido.Benchmarks.Postgres;

/// <summary>The images a segment flips, registered through the store before the clients start (not measured).</summary>
internal static class PgImages
{
    public static async Task<List<string>> RegisterAsync(IVividoStore store, TransitionSettings settings, string prefix)
    {
        var digests = new List<string>(settings.Images);
        for (var i = 0; i < settings.Images; i++)
        {
            var digest = BenchDigests.ForIndex(prefix, i);
            await store.RegisterImageAsync(new ImageRegistration(
                    digest, TransitionSettings.Repository(i % settings.Clients), PingPongLifecycle.Initial, [], new Dictionary<string, string>(), "bench",
                    TimeProvider.System.GetUtcNow()))
                .ConfigureAwait(false);
            digests.Add(digest);
        }

        return digests;
    }
}
