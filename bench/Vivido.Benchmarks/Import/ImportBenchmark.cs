using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Vivido.Benchmarks.Common;
using Vivido.Registry;
using Vivido.Testing;

namespace Vivido.Benchmarks.Import;

/// <summary>
/// <c>import [--tags 5000] [--concurrency 8] [--rounds 3]</c>: a local CNCF Distribution registry holding one image under N
/// tags; the registry's own HEAD-manifest rate with a bare HttpClient (the ceiling) against the rate at which Vivido's
/// import resolves tags through <see cref="RegistryClient"/> (list tags, then HEAD each with the same concurrency).
/// Rounds alternate, after one warm-up pass each; the medians are reported.
/// </summary>
internal static class ImportBenchmark
{
    private const string Repository = "bench/app";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = BenchArguments.Parse(args, ["tags", "concurrency", "rounds"]);
        var tagCount = options.Int("tags", 5000, 1, 100_000);
        var concurrency = options.Int("concurrency", 8, 1, 256);
        var rounds = options.Int("rounds", 3, 1, 20);
        await using var registry = await RegistryServer.StartAsync().ConfigureAwait(false);
        await TestImages.PushAsync(registry, Repository, "seed").ConfigureAwait(false);
        var tags = Enumerable.Range(0, tagCount).Select(i => "t" + i.ToString("D5", CultureInfo.InvariantCulture)).ToList();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency }) { BaseAddress = registry.BaseAddress };
        var tagging = Stopwatch.StartNew();
        await CreateTagsAsync(http, tags).ConfigureAwait(false);
        Console.WriteLine($"{tagCount} tags created in {tagging.Elapsed.TotalSeconds:F1} s; concurrency {concurrency}; {Machine.Describe(TimeProvider.System)}");

        using var factory = new RegistryClientFactory(new RegistrySettings([new RegistryHostSettings(registry.Host, Insecure: true)]));
        var client = factory.For(registry.Host);
        await CeilingAsync(http, tags, concurrency).ConfigureAwait(false);
        await VividoAsync(client, concurrency).ConfigureAwait(false);
        var ceilings = new List<double>();
        var vivido = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            ceilings.Add(tagCount / await CeilingAsync(http, tags, concurrency).ConfigureAwait(false));
            vivido.Add(tagCount / await VividoAsync(client, concurrency).ConfigureAwait(false));
            Console.WriteLine($"round {round + 1}: registry HEAD {ceilings[^1]:F0}/s, Vivido import resolve {vivido[^1]:F0}/s");
        }

        var ceiling = Median(ceilings);
        var resolved = Median(vivido);
        Console.WriteLine($"registry HEAD-manifest ceiling: {ceiling:F0} tags/s (median of {rounds})");
        Console.WriteLine($"Vivido import resolve:          {resolved:F0} tags/s (median of {rounds}, tag listing included)");
        Console.WriteLine($"ratio: {resolved / ceiling:F2}x (target >= 0.5x)");
        return 0;
    }

    /// <summary>PUTs the seed manifest under every tag: cheap tags without pushing blobs again.</summary>
    private static async Task CreateTagsAsync(HttpClient http, List<string> tags)
    {
        using var get = new HttpRequestMessage(HttpMethod.Get, $"v2/{Repository}/manifests/seed");
        get.Headers.TryAddWithoutValidation("Accept", string.Join(", ", MediaTypes.Manifests));
        using var seed = await http.SendAsync(get).ConfigureAwait(false);
        seed.EnsureSuccessStatusCode();
        var bytes = await seed.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        var mediaType = seed.Content.Headers.ContentType!.MediaType!;
        await Parallel.ForEachAsync(tags, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (tag, ct) =>
        {
            using var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
            using var put = await http.PutAsync(new Uri($"v2/{Repository}/manifests/{tag}", UriKind.Relative), content, ct).ConfigureAwait(false);
            put.EnsureSuccessStatusCode();
        }).ConfigureAwait(false);
    }

    /// <summary>Seconds for bare HEADs of every tag: what the registry can answer at this concurrency.</summary>
    private static async Task<double> CeilingAsync(HttpClient http, List<string> tags, int concurrency)
    {
        var accept = string.Join(", ", MediaTypes.Manifests);
        var elapsed = Stopwatch.StartNew();
        await Parallel.ForEachAsync(tags, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (tag, ct) =>
        {
            using var head = new HttpRequestMessage(HttpMethod.Head, $"v2/{Repository}/manifests/{tag}");
            head.Headers.TryAddWithoutValidation("Accept", accept);
            using var response = await http.SendAsync(head, ct).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
        }).ConfigureAwait(false);
        return elapsed.Elapsed.TotalSeconds;
    }

    /// <summary>Seconds for what import does before registering: list the tags, then resolve each to its digest.</summary>
    private static async Task<double> VividoAsync(RegistryClient client, int concurrency)
    {
        var elapsed = Stopwatch.StartNew();
        var tags = await client.ListTagsAsync(Repository).ToListAsync().ConfigureAwait(false);
        await Parallel.ForEachAsync(tags, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (tag, ct) =>
        {
            _ = await client.ResolveAsync(Repository, tag, ct).ConfigureAwait(false) ?? throw new InvalidOperationException($"tag {tag} did not resolve");
        }).ConfigureAwait(false);
        return elapsed.Elapsed.TotalSeconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
