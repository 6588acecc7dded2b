using Vivido.Benchmarks.Common;

namespace Vivido.Benchmarks.Admission;

/// <summary>The options of <c>admission</c>: window lengths, closed-loop clients, the open-loop rate and the rounds.</summary>
internal sealed record AdmissionSettings(int Seconds, int Clients, int Rate, int Rounds, int WarmupSeconds, int JitWarmupSeconds)
{
    public static readonly string[] Options = ["seconds", "clients", "rate", "rounds", "warmup", "jit-warmup"];

    public TimeSpan Window => TimeSpan.FromSeconds(Seconds);

    public TimeSpan Warmup => TimeSpan.FromSeconds(WarmupSeconds);

    public static AdmissionSettings From(BenchArguments arguments) => new(
        Seconds: arguments.Int("seconds", 10, 1, 3600),
        Clients: arguments.Int("clients", 16, 1, 256),
        Rate: arguments.Int("rate", 1000, 1, 100_000),
        Rounds: arguments.Int("rounds", 3, 1, 20),
        WarmupSeconds: arguments.Int("warmup", 3, 0, 600),
        JitWarmupSeconds: arguments.Int("jit-warmup", 15, 0, 600));
}
