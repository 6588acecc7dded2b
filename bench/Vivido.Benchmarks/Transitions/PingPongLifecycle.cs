using Vivido.Core.Lifecycles;

namespace Vivido.Benchmarks.Transitions;

/// <summary>
/// The benchmark lifecycle: two states and two unguarded events, so every event is accepted and the
/// figure measures API + engine + store, not guard evaluation or refusals.
/// </summary>
internal static class PingPongLifecycle
{
    public const string Initial = "Ping";

    public const string Yaml = """
        apiVersion: vivido.dev/v1
        kind: Lifecycle
        metadata:
          name: bench-ping-pong
          description: Two states flipped by unguarded events, for the transitions benchmark.
        states:
          - { name: Ping, initial: true }
          - { name: Pong }
        transitions:
          - { event: ping, from: Ping, to: Pong }
          - { event: pong, from: Pong, to: Ping }
        """;

    /// <summary>The event that leaves <paramref name="state"/>.</summary>
    public static string EventFrom(string state) => state == Initial ? "ping" : "pong";

    /// <summary>The state that event leads to.</summary>
    public static string Next(string state) => state == Initial ? "Pong" : Initial;

    /// <summary>Writes the lifecycle to <paramref name="path"/> after checking it loads.</summary>
    public static string WriteFile(string path)
    {
        var result = LifecycleLoader.Load(Yaml, "bench-ping-pong.yaml");
        if (!result.IsValid)
        {
            throw new InvalidOperationException("the benchmark lifecycle is invalid: " + string.Join("; ", result.Diagnostics));
        }

        File.WriteAllText(path, Yaml);
        return path;
    }
}
