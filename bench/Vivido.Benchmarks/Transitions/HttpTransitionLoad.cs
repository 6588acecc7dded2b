using System.Net.Http.Json;
using Vivido.Benchmarks.Common;
using Vivido.Store.Sqlite;

namespace Vivido.Benchmarks.Transitions;

/// <summary>
/// The figure: the real server over a durable SQLite store, N images registered over HTTP, then one
/// client per owner firing <c>POST /api/v1/images/{digest}/events</c> on its own images, flipping them.
/// </summary>
internal static class HttpTransitionLoad
{
    private static readonly byte[] PingBody = """{"event":"ping"}"""u8.ToArray();
    private static readonly byte[] PongBody = """{"event":"pong"}"""u8.ToArray();

    public static async Task<LoadRate> MeasureAsync(TransitionSettings settings, bool groupCommit, TempDirectory directory)
    {
        var lifecycle = PingPongLifecycle.WriteFile(directory.File("lifecycle.yaml"));
        using var store = new SqliteStore(directory.File("vivido.db"), groupCommit: groupCommit);
        long completed;
        LoadRate rate;
        var server = await BenchServer.StartAsync(store, directory.Path, lifecycle).ConfigureAwait(false);
        await using (server.ConfigureAwait(false))
        {
            using var client = BenchHttp.CreateClient(server.BaseAddress, settings.Clients, BenchServer.AdminSecret);
            var digests = await RegisterAsync(client, settings).ConfigureAwait(false);
            using var window = new LoadWindow();
            var loops = Enumerable.Range(0, settings.Clients)
                .Select(c => Task.Run(() => FlipAsync(client, settings.Owned(digests, c), window)))
                .ToList();
            try
            {
                rate = await window.MeasureAsync(settings.Warmup, settings.Window).ConfigureAwait(false);
            }
            finally
            {
                // A failed loop aborts the window; its exception surfaces here rather than a cancellation.
                await Task.WhenAll(loops).ConfigureAwait(false);
            }

            completed = window.Completed + digests.Count;
        }

        await TransitionCheck.VerifyAsync(store, completed).ConfigureAwait(false);
        return rate;
    }

    private static async Task<List<string>> RegisterAsync(HttpClient client, TransitionSettings settings)
    {
        var digests = new List<string>(settings.Images);
        for (var i = 0; i < settings.Images; i++)
        {
            var digest = BenchDigests.ForIndex("bench-http-", i);
            using var response = await client.PostAsJsonAsync("/api/v1/images", new { repository = TransitionSettings.Repository(i % settings.Clients), digest })
                .ConfigureAwait(false);
            if ((int)response.StatusCode != 201)
            {
                throw new InvalidOperationException($"registering {digest} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync().ConfigureAwait(false)}");
            }

            digests.Add(digest);
        }

        return digests;
    }

    /// <summary>One client: fires the event that flips each of its images in turn, until the window stops it.</summary>
    public static async Task FlipAsync(HttpClient client, IReadOnlyList<string> digests, LoadWindow window)
    {
        var paths = digests.Select(d => $"/api/v1/images/{d}/events").ToArray();
        var states = digests.Select(_ => PingPongLifecycle.Initial).ToArray();
        try
        {
            for (long op = 0; op < LoadWindow.MaxOperationsPerWorker && !window.Stopping.IsCancellationRequested; op++)
            {
                var i = (int)(op % paths.Length);
                using var request = new HttpRequestMessage(HttpMethod.Post, paths[i])
                {
                    Content = new ByteArrayContent(states[i] == PingPongLifecycle.Initial ? PingBody : PongBody) { Headers = { ContentType = BenchHttp.Json } },
                };
                // Not cancelled by the window: a request in flight completes, so every 200 counted is a committed transition.
                var (status, _) = await BenchHttp.SendAsync(client, request, CancellationToken.None).ConfigureAwait(false);
                if (status != 200)
                {
                    throw new InvalidOperationException($"POST {paths[i]} answered {status}; every event of the benchmark lifecycle must be accepted");
                }

                states[i] = PingPongLifecycle.Next(states[i]);
                window.Complete();
            }
        }
        catch
        {
            window.Abort();
            throw;
        }
    }
}
