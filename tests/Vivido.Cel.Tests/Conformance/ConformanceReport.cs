using System.Globalization;
using System.Text;
using Vivido.Testing;

namespace Vivido.Cel.Tests.Conformance;

/// <summary>Renders conformance results as a plain-text report and writes it where CI collects reports.</summary>
internal static class ConformanceReport
{
    public const string FileName = "cel-conformance.txt";

    public static string Render(IReadOnlyList<ConformanceFileResult> results)
    {
        var text = new StringBuilder();
        text.AppendLine("CEL conformance: google/cel-spec simple tests against Vivido.Cel (CelOptions.Default)");
        text.AppendLine();
        AppendTable(text, results);
        var outcomes = results.SelectMany(r => r.Outcomes).ToList();

        text.AppendLine();
        text.AppendLine("Skipped, by reason:");
        var reasons = outcomes.Where(o => o.Status == ConformanceStatus.Skipped)
            .GroupBy(o => o.Detail)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key, StringComparer.Ordinal);
        AppendLines(text, reasons.Select(g => $"{g.Count(),5}  {g.Key}"));

        text.AppendLine();
        text.AppendLine("Expected errors reported by Compile instead of Evaluate (accepted for disable_check tests):");
        AppendLines(text, outcomes.Where(o => o.PassedAtCompile).Select(o => o.Case.Id + ": " + o.Detail));

        text.AppendLine();
        text.AppendLine("Failures:");
        AppendLines(text, outcomes.Where(o => o.Status == ConformanceStatus.Failed).Select(o => o.FailureLine));
        return text.ToString();
    }

    /// <summary>Writes to $VIVIDO_TEST_REPORTS, else &lt;repo&gt;/artifacts/test-reports; returns the file's path.</summary>
    public static string Write(string report) =>
        Write(report, ResolveDirectory(Environment.GetEnvironmentVariable("VIVIDO_TEST_REPORTS")));

    public static string ResolveDirectory(string? configured) =>
        configured is { Length: > 0 } ? configured : TestPaths.InRepo("artifacts", "test-reports");

    /// <summary>Writes the report into <paramref name="directory"/>, creating it, and returns the file's path.</summary>
    public static string Write(string report, string directory)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, FileName);
        File.WriteAllText(path, report);
        return path;
    }

    private static void AppendTable(StringBuilder text, IReadOnlyList<ConformanceFileResult> results)
    {
        const string Format = "{0,-14} {1,7} {2,7} {3,8} {4,8} {5,7}";
        text.AppendLine(string.Format(CultureInfo.InvariantCulture, Format, "file", "passed", "failed", "skipped", "pass %", "target"));
        foreach (var r in results)
        {
            text.AppendLine(string.Format(CultureInfo.InvariantCulture, Format, r.File, r.Passed, r.Failed, r.Skipped, r.PassPercentText, r.TargetPercent + "%"));
        }

        if (results.Count > 1)
        {
            var passed = results.Sum(r => r.Passed);
            var run = passed + results.Sum(r => r.Failed);
            var percent = run == 0 ? "n/a" : (100.0 * passed / run).ToString("0.0", CultureInfo.InvariantCulture) + "%";
            text.AppendLine(string.Format(CultureInfo.InvariantCulture, Format, "total", passed, run - passed, results.Sum(r => r.Skipped), percent, string.Empty));
        }

        text.AppendLine();
        text.AppendLine("pass % = passed / (passed + failed); skipped cases are excluded.");
    }

    private static void AppendLines(StringBuilder text, IEnumerable<string> lines)
    {
        var any = false;
        foreach (var line in lines)
        {
            text.Append("  ").AppendLine(line);
            any = true;
        }

        if (!any)
        {
            text.AppendLine("  (none)");
        }
    }
}
