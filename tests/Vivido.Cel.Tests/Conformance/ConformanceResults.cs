namespace Vivido.Cel.Tests.Conformance;

/// <summary>Runs each conformance file at most once per test run; the per-file tests and the summary share the results.</summary>
internal static class ConformanceResults
{
    private static readonly Dictionary<string, Lazy<ConformanceFileResult>> Files =
        ConformanceSuite.FileNames.ToDictionary(
            name => name,
            name => new Lazy<ConformanceFileResult>(() => new ConformanceFileResult(name, [.. ConformanceSuite.Load(name).Select(ConformanceRunner.Run)])));

    public static ConformanceFileResult For(string file) => Files[file].Value;

    public static IReadOnlyList<ConformanceFileResult> All() => [.. ConformanceSuite.FileNames.Select(For)];
}
