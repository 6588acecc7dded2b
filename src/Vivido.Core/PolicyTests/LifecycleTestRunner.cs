using Vivido.Core.Engine;
using Vivido.Core.Lifecycles;
using Vivido.Core.Yaml;

namespace Vivido.Core.PolicyTests;

/// <summary>
/// Runs policy test cases (in the spirit of <c>kyverno test</c> / <c>opa test</c>): each case fires one
/// event on one image and states the expected decision.
/// </summary>
public static class LifecycleTestRunner
{
    /// <summary>
    /// Runs <paramref name="casesPath"/> against <paramref name="lifecyclePath"/> when given, else the
    /// file's <c>lifecycle</c> (relative to the cases file), else the embedded default. Unreadable or
    /// invalid files come back as diagnostics, never as exceptions.
    /// </summary>
    public static LifecycleTestReport RunFile(string casesPath, string? lifecyclePath)
    {
        ArgumentNullException.ThrowIfNull(casesPath);
        var diagnostics = new DiagnosticBag(casesPath);
        if (Read(casesPath, diagnostics) is not { } text)
        {
            return new LifecycleTestReport(casesPath, lifecyclePath ?? "", diagnostics.ToSortedList(), []);
        }

        var root = YamlDocumentReader.Read(text, diagnostics);
        var parser = new PolicyTestFileParser(diagnostics);
        var cases = root is null ? [] : parser.Parse(root);

        var lifecycleSource = lifecyclePath ?? (parser.LifecyclePath is { } relative ? Beside(casesPath, relative.Value) : null);
        var lifecycle = LoadLifecycle(lifecycleSource, out var lifecycleDiagnostics);
        var all = diagnostics.ToSortedList().Concat(lifecycleDiagnostics).ToList();
        var source = lifecycleSource ?? LifecycleLoader.DefaultSourceName;
        if (all.Count > 0 || lifecycle is null)
        {
            return new LifecycleTestReport(casesPath, source, all, []);
        }

        var results = cases.Select(c => RunCase(lifecycle, c)).ToList();
        return new LifecycleTestReport(casesPath, source, [], results);
    }

    private static LifecycleTestCaseResult RunCase(Lifecycle lifecycle, PolicyTestCase testCase)
    {
        var engine = new TransitionEngine(lifecycle, new FixedTimeProvider(testCase.Now));
        var decision = engine.Decide(testCase.Image, testCase.Request, testCase.Repository);
        return new LifecycleTestCaseResult(
            testCase.Name, testCase.Expect.Matches(decision), testCase.Expect.ToString(), ExpectedOutcome.Describe(decision));
    }

    private static Lifecycle? LoadLifecycle(string? path, out IReadOnlyList<LifecycleDiagnostic> lifecycleDiagnostics)
    {
        lifecycleDiagnostics = [];
        if (path is null)
        {
            return LifecycleLoader.LoadDefault();
        }

        var lifecycleBag = new DiagnosticBag(path);
        if (Read(path, lifecycleBag) is not { } text)
        {
            lifecycleDiagnostics = lifecycleBag.ToSortedList();
            return null;
        }

        var result = LifecycleLoader.Load(text, path);
        lifecycleDiagnostics = result.Diagnostics;
        return result.Lifecycle;
    }

    /// <summary><paramref name="path"/> relative to the cases file, tidied (no "dir/../"), and relative again when the cases path was.</summary>
    private static string Beside(string casesPath, string path)
    {
        var full = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(casesPath))!, path));
        return Path.IsPathRooted(casesPath) ? full : Path.GetRelativePath(Directory.GetCurrentDirectory(), full);
    }

    private static string? Read(string path, DiagnosticBag diagnostics)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            diagnostics.Add(new SourcePosition(1, 1), $"cannot read the file: {ex.Message}");
            return null;
        }
    }
}
