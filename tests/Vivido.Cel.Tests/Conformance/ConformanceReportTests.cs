using System.Text;
using Vivido.Testing;

namespace Vivido.Cel.Tests.Conformance;

public class ConformanceReportTests
{
    [Fact]
    public void Render_TwoFiles_TableSkipReasonsAndFailures()
    {
        var basic = new ConformanceFileResult("basic",
        [
            Outcome("a", ConformanceStatus.Passed),
            Outcome("b", ConformanceStatus.Failed, "expected 1, got 1u"),
            Outcome("c", ConformanceStatus.Skipped, "reason one"),
        ]);
        var parse = new ConformanceFileResult("parse",
        [
            Outcome("d", ConformanceStatus.Passed),
            Outcome("e", ConformanceStatus.Skipped, "reason one"),
            Outcome("f", ConformanceStatus.Skipped, "reason two"),
            Outcome("g", ConformanceStatus.Passed, "compile error: 1:3: boom", passedAtCompile: true),
        ]);

        var lines = ConformanceReport.Render([basic, parse]).Split(Environment.NewLine);

        lines.ShouldContain("file            passed  failed  skipped   pass %  target");
        lines.ShouldContain("basic                1       1        1    50.0%    100%");
        lines.ShouldContain("parse                2       0        2   100.0%     95%");
        lines.ShouldContain("total                3       1        3    75.0%        ");
        lines.ShouldContain("      2  reason one");
        lines.ShouldContain("      1  reason two");
        lines.ShouldContain("  parse/s/g: compile error: 1:3: boom");
        lines.ShouldContain("  basic/s/b: 1 + 1 -> expected 1, got 1u");
    }

    [Fact]
    public void Render_NothingFailedOrSkipped_SaysNone()
    {
        var report = ConformanceReport.Render([new ConformanceFileResult("logic", [Outcome("a", ConformanceStatus.Passed)])]);

        report.ShouldNotContain("total");
        report.Split(Environment.NewLine).Count(l => l == "  (none)").ShouldBe(3);
    }

    [Theory]
    [InlineData(20, 0, 100, true)]
    [InlineData(19, 1, 95, true)]
    [InlineData(18, 2, 95, false)]
    [InlineData(99, 1, 100, false)]
    [InlineData(0, 0, 100, true)]
    public void MeetsTarget_PassedAndFailed_ComparedInIntegers(int passed, int failed, int target, bool meets)
    {
        var file = ConformanceSuite.TargetPercents.First(t => t.Value == target).Key;
        var outcomes = Enumerable.Range(0, passed).Select(i => Outcome("p" + i, ConformanceStatus.Passed))
            .Concat(Enumerable.Range(0, failed).Select(i => Outcome("f" + i, ConformanceStatus.Failed, "x")))
            .Append(Outcome("s", ConformanceStatus.Skipped, "r"));

        var result = new ConformanceFileResult(file, [.. outcomes]);

        result.MeetsTarget.ShouldBe(meets);
        result.Skipped.ShouldBe(1);
        result.Run.ShouldBe(passed + failed);
    }

    [Fact]
    public void FailureLine_MultiLineLongExpr_OneShortenedLine()
    {
        var outcome = Outcome("n", ConformanceStatus.Failed, "expected true, got false", expr: "a ||\n\tb\f" + new string('x', 200));

        outcome.FailureLine.ShouldStartWith("basic/s/n: a ||\\n\\tb\\x0cxxx");
        outcome.FailureLine.ShouldEndWith("... -> expected true, got false");
        outcome.FailureLine.Length.ShouldBe("basic/s/n: ".Length + 160 + " -> expected true, got false".Length);
    }

    [Fact]
    public void ResolveDirectory_EnvironmentValue_WinsOverRepoDefault()
    {
        ConformanceReport.ResolveDirectory("/tmp/reports").ShouldBe("/tmp/reports");
        ConformanceReport.ResolveDirectory(null).ShouldBe(TestPaths.InRepo("artifacts", "test-reports"));
        ConformanceReport.ResolveDirectory(string.Empty).ShouldBe(TestPaths.InRepo("artifacts", "test-reports"));
    }

    [Fact]
    public void Write_MissingDirectory_CreatedAndFileWritten()
    {
        var directory = Path.Combine(Path.GetTempPath(), "vivido-report-" + Guid.NewGuid().ToString("N"), "nested");
        try
        {
            var path = ConformanceReport.Write("report text", directory);

            path.ShouldBe(Path.Combine(directory, "cel-conformance.txt"));
            File.ReadAllText(path).ShouldBe("report text");
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(directory)!, recursive: true);
        }
    }

    private static ConformanceOutcome Outcome(
        string name, ConformanceStatus status, string detail = "", bool passedAtCompile = false, string expr = "1 + 1")
    {
        var file = name is "d" or "e" or "f" or "g" ? "parse" : "basic";
        var message = new TextProtoMessage([new("name", Text(name)), new("expr", Text(expr))], line: 1);
        return new ConformanceOutcome(new ConformanceCase(file, "s", message), status, detail, passedAtCompile);
    }

    private static TextProtoScalar Text(string value) => TextProtoScalar.FromString(Encoding.UTF8.GetBytes(value), line: 1);
}
