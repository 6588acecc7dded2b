using Vivido.Benchmarks.Common;

namespace Vivido.Benchmarks.Transitions;

/// <summary>The options of <c>transitions</c>: how long, how many clients, how many images and rounds.</summary>
internal sealed record TransitionSettings(int Seconds, int Clients, int Images, int Rounds, int WarmupSeconds, int JitWarmupSeconds)
{
    public static readonly string[] Options = ["seconds", "clients", "images", "rounds", "warmup", "jit-warmup"];

    public TimeSpan Window => TimeSpan.FromSeconds(Seconds);

    public TimeSpan Warmup => TimeSpan.FromSeconds(WarmupSeconds);

    /// <summary>
    /// The settings of the unmeasured pass that runs every mode once first: the runtime keeps
    /// re-compiling hot methods (tiered JIT) for about 20 s of load on 2 busy cores, and that CPU
    /// must not land in the first measured round.
    /// </summary>
    public TransitionSettings JitWarmupPass => this with { Seconds = JitWarmupSeconds, WarmupSeconds = 0 };

    public static TransitionSettings From(BenchArguments arguments)
    {
        var clients = arguments.Int("clients", 16, 1, 256);
        var settings = new TransitionSettings(
            Seconds: arguments.Int("seconds", 20, 1, 3600),
            Clients: clients,
            Images: arguments.Int("images", clients * 4, 1, 100_000),
            Rounds: arguments.Int("rounds", 3, 1, 20),
            WarmupSeconds: arguments.Int("warmup", 3, 0, 600),
            JitWarmupSeconds: arguments.Int("jit-warmup", 20, 0, 600));
        return settings.Images < clients
            ? throw new BenchUsageException($"--images must be at least --clients ({clients}): every client flips its own images")
            : settings;
    }

    /// <summary>The images client <paramref name="client"/> owns: every image whose index is congruent to it.</summary>
    public IReadOnlyList<T> Owned<T>(IReadOnlyList<T> images, int client) =>
        images.Where((_, index) => index % Clients == client).ToList();

    public static string Repository(int client) => "bench/client-" + client.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
