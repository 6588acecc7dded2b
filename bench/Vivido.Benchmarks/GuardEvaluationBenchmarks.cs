using BenchmarkDotNet.Attributes;
using Vivido.Cel;

namespace Vivido.Benchmarks;

/// <summary>
/// Compiled CEL guards evaluated on a typical image, against a ceiling measured in the same run:
/// hand-written C# doing the same dictionary lookups and comparisons.
/// </summary>
[Config(typeof(OneCoreConfig))]
[MemoryDiagnoser]
public class GuardEvaluationBenchmarks
{
    private readonly Dictionary<string, object> nativeImage = TypicalImage.Native();
    private readonly CelActivation activation = new CelActivation().Set("image", TypicalImage.Cel());
    private readonly CelProgram simple = CelProgram.Compile("image.scan.critical == 0");
    private readonly CelProgram scanGuard = CelProgram.Compile("image.scan.critical == 0 && image.scan.score >= 9.0");
    private readonly CelProgram approval = CelProgram.Compile("image.approvals.exists(a, a.role == 'release-manager')");

    [Benchmark(Baseline = true, Description = "native C#: scan.critical == 0")]
    public bool NativeSimpleComparison()
    {
        var scan = (Dictionary<string, object>)nativeImage["scan"];
        return (long)scan["critical"] == 0;
    }

    [Benchmark(Description = "CEL: image.scan.critical == 0")]
    public bool CelSimpleComparison() => simple.Evaluate(activation).AsBool();

    [Benchmark(Description = "CEL: critical == 0 && score >= 9.0")]
    public bool CelScanGuard() => scanGuard.Evaluate(activation).AsBool();

    [Benchmark(Description = "CEL: approvals.exists(role)")]
    public bool CelApprovalExists() => approval.Evaluate(activation).AsBool();
}
