using System.Globalization;
using Vivido.Benchmarks.Common;

namespace Vivido.Benchmarks.Reads;

/// <summary>The options of <c>reads</c>: database size, request counts, callers, and where the seeded file lives.</summary>
internal sealed record ReadSettings(int Images, long History, int Repositories, int Requests, int Warmup, int Block, int Clients, int Seed, string DatabasePath)
{
    public static readonly string[] Options = ["images", "history", "repositories", "requests", "warmup", "block", "clients", "seed", "db"];

    public static ReadSettings From(BenchArguments arguments)
    {
        var images = arguments.Int("images", 1_000_000, 1, 50_000_000);
        var history = arguments.Long("history", 5_000_000, 1, 500_000_000);
        var repositories = arguments.Int("repositories", 2_000, 1, 1_000_000);
        var path = arguments.Text("db") ?? Path.Combine(
            Path.GetTempPath(),
            "vivido-bench-reads",
            string.Create(CultureInfo.InvariantCulture, $"vivido-s1-i{images}-h{history}-r{repositories}.db"));
        return new ReadSettings(
            images,
            history,
            repositories,
            Requests: arguments.Int("requests", 5_000, 1, 1_000_000),
            Warmup: arguments.Int("warmup", 1_000, 1, 1_000_000),
            Block: arguments.Int("block", 500, 1, 1_000_000),
            Clients: arguments.Int("clients", 1, 1, 64),
            Seed: arguments.Int("seed", 1, 0, int.MaxValue),
            DatabasePath: Path.GetFullPath(path));
    }
}
