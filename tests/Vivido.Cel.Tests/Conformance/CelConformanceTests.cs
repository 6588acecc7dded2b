using Xunit.Abstractions;

namespace Vivido.Cel.Tests.Conformance;

/// <summary>Runs the cel-spec conformance files against Vivido.Cel; one test per file plus a summary report.</summary>
public class CelConformanceTests(ITestOutputHelper output)
{
    public static TheoryData<string> Files => [.. ConformanceSuite.FileNames];

    [Theory(DisplayName = "CEL conformance")]
    [MemberData(nameof(Files))]
    public void ConformanceFile_NonSkippedCases_MeetPassTarget(string file)
    {
        var result = ConformanceResults.For(file);
        var report = ConformanceReport.Render([result]);
        output.WriteLine(report);

        result.Outcomes.ShouldNotBeEmpty();
        result.MeetsTarget.ShouldBeTrue(
            $"{file}: {result.Passed} of {result.Run} run cases passed ({result.PassPercentText}), target {result.TargetPercent}%\n{report}");
    }

    [Fact(DisplayName = "CEL conformance summary (all files)")]
    public void Summary_AllFiles_WritesWholeReport()
    {
        var results = ConformanceResults.All();
        var report = ConformanceReport.Render(results);
        output.WriteLine(report);

        var path = ConformanceReport.Write(report);
        output.WriteLine("Report written to " + path);

        File.ReadAllText(path).ShouldBe(report);
        results.Select(r => r.File).ShouldBe(ConformanceSuite.FileNames);
        results.Sum(r => r.Outcomes.Count).ShouldBe(1088);
        foreach (var file in ConformanceSuite.FileNames)
        {
            report.ShouldContain(Environment.NewLine + file + " ");
        }
    }
}
