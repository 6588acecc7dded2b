using BenchmarkDotNet.Attributes;
using Vivido.Core.Engine;
using Vivido.Core.Images;
using Vivido.Core.Lifecycles;
using Vivido.Core.PolicyTests;

namespace Vivido.Benchmarks;

/// <summary>
/// Every guard of the default lifecycle, compiled once by the loader, evaluated on a typical Staged
/// image through the same activation the engine builds; and whole decisions for comparison.
/// </summary>
[Config(typeof(OneCoreConfig))]
[MemoryDiagnoser]
public class LifecycleGuardBenchmarks
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    private readonly GuardDefinition[] guards;
    private readonly GuardContext context;
    private readonly TransitionEngine engine;
    private readonly ImageSnapshot image = TypicalSnapshot();
    private readonly TransitionRequest promote = new("promote", new Actor("release-bot", ["ci"]), "release 1.4.2", new Dictionary<string, string>());
    private readonly RepositoryContext repository = new("registry.example.com/team/payment-api", ["sha256:" + new string('b', 64)], []);

    public LifecycleGuardBenchmarks()
    {
        var lifecycle = LifecycleLoader.LoadDefault();
        guards = [.. lifecycle.Transitions.SelectMany(t => t.Guards)];
        context = GuardContext.Create(image, promote, repository, Now);
        engine = new TransitionEngine(lifecycle, new FixedTimeProvider(Now));
    }

    /// <summary>All guards of the default lifecycle, once each: divide by <see cref="GuardCount"/> for one guard.</summary>
    [Benchmark(Baseline = true, Description = "all default-lifecycle guards (one pass)")]
    public int AllGuards()
    {
        var passed = 0;
        foreach (var guard in guards)
        {
            var result = guard.Program.Evaluate(context);
            passed += result.Kind == Cel.CelKind.Bool && result.AsBool() ? 1 : 0;
        }

        return passed;
    }

    [Benchmark(Description = "engine: decide promote (builds the activation)")]
    public Decision DecidePromote() => engine.Decide(image, promote, repository);

    public int GuardCount => guards.Length;

    private static ImageSnapshot TypicalSnapshot()
    {
        var at = Now.AddHours(-6);
        var facts = new ImageFacts(
            new ScanFact("trivy", 0, 2, 5, 11, 0, 9.4, ["CVE-2024-0001", "CVE-2024-0002"], at),
            new SbomFact("cyclonedx", 412, at),
            new SignatureFact(true, "release", at),
            new ProvenanceFact("https://github.com/actions/runner", true, at),
            [new TestResultFact("staging", true, at)],
            [new ApprovalFact("lee", "release-manager", "ship it", at), new ApprovalFact("dana", "qa", null, at)],
            [new DeploymentFact("staging", "eu-1", "payments", "payment-api", DeploymentStatus.Healthy, at, Now)]);
        return new ImageSnapshot(
            "sha256:" + new string('a', 64), "registry.example.com/team/payment-api", "Staged", 4, at,
            ["v1.4.2"], new Dictionary<string, string> { ["architecture"] = "amd64" }, false, facts);
    }
}
