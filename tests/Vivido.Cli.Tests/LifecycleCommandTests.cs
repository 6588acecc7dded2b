using System.Xml.Linq;
using Vivido.Testing;

namespace Vivido.Cli.Tests;

public sealed class LifecycleCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vivido-lifecycle-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Validate_NoFile_ValidatesTheEmbeddedDefault()
    {
        var result = await CliRun.RunAsync("lifecycle", "validate");

        (result.ExitCode, result.Output, result.Error).ShouldBe((0, "valid\n", ""));
    }

    [Theory]
    [InlineData("default.yaml")]
    [InlineData("canary.yaml")]
    [InlineData("approvals.yaml")]
    public async Task Validate_ShippedLifecycle_PrintsValid(string file)
    {
        var result = await CliRun.RunAsync("lifecycle", "validate", TestPaths.InRepo("lifecycles", file));

        result.ExitCode.ShouldBe(0, result.Error);
        result.Output.ShouldBe("valid\n");
    }

    [Fact]
    public async Task Validate_BrokenFile_PrintsEveryProblemAsFileLineColumn()
    {
        var path = Broken("unknown-state.yaml");

        var result = await CliRun.RunAsync("lifecycle", "validate", path);

        result.ExitCode.ShouldBe(1);
        result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldBe(
        [
            $"{path}:9:29: unknown state 'Bulding'",
            $"{path}:11:50: unknown state 'Gone'",
            $"{path}:13:14: unknown state 'Stagd'",
            $"{path}:15:45: unknown state 'Live'",
        ]);
    }

    [Theory]
    [InlineData("yaml-syntax.yaml", 1)]
    [InlineData("guard-compile.yaml", 3)]
    [InlineData("missing-fields.yaml", 5)]
    [InlineData("unknown-keys.yaml", 5)]
    public async Task Validate_BrokenFixture_ExitsOneWithOneLinePerProblem(string fixture, int problems)
    {
        var result = await CliRun.RunAsync("lifecycle", "validate", Broken(fixture));

        result.ExitCode.ShouldBe(1);
        result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(problems);
        result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldAllBe(l => l.StartsWith(Broken(fixture) + ":", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Validate_MissingFile_OneLineOnStderr()
    {
        var result = await CliRun.RunAsync("lifecycle", "validate", Path.Combine(_dir, "absent.yaml"));

        result.ExitCode.ShouldBe(1);
        result.Output.ShouldBeEmpty();
        result.ErrorLines.ShouldHaveSingleItem().ShouldStartWith($"vivido: cannot read lifecycle file {Path.Combine(_dir, "absent.yaml")}: ");
    }

    [Fact]
    public async Task Graph_DefaultFormat_IsMermaid()
    {
        var result = await CliRun.RunAsync("lifecycle", "graph");

        result.ExitCode.ShouldBe(0, result.Error);
        result.Output.ShouldContain("stateDiagram-v2\n");
        result.Output.ShouldContain("    Staged --> Active : promote\n");
    }

    [Fact]
    public async Task Graph_Dot_WritesADigraph()
    {
        var result = await CliRun.RunAsync("lifecycle", "graph", TestPaths.InRepo("lifecycles", "canary.yaml"), "--format", "dot");

        result.ExitCode.ShouldBe(0, result.Error);
        result.Output.ShouldStartWith("digraph \"canary\" {");
        result.Output.ShouldContain("\"Staged\" -> \"Canary\" [label=\"canary\"];");
    }

    [Fact]
    public async Task Graph_Svg_WritesWellFormedSvg()
    {
        var result = await CliRun.RunAsync("lifecycle", "graph", TestPaths.InRepo("lifecycles", "approvals.yaml"), "--format", "svg");

        result.ExitCode.ShouldBe(0, result.Error);
        var svg = XDocument.Parse(result.Output);
        svg.Descendants().Count(e => (string?)e.Attribute("class") == "state").ShouldBe(10);
    }

    [Fact]
    public async Task Graph_UnknownFormat_IsRejected()
    {
        var result = await CliRun.RunAsync("lifecycle", "graph", "--format", "png");

        result.ExitCode.ShouldNotBe(0);
        result.Error.ShouldContain("'png'");
        result.Output.ShouldNotContain("-->");
    }

    [Fact]
    public async Task Graph_BrokenFile_PrintsProblemsOnStderrAndNoGraph()
    {
        var path = Broken("no-initial.yaml");

        var result = await CliRun.RunAsync("lifecycle", "graph", path);

        result.ExitCode.ShouldBe(1);
        result.Output.ShouldBeEmpty();
        result.ErrorLines.ShouldBe([$"{path}:5:3: no initial state (mark one state with 'initial: true')"]);
    }

    [Theory]
    [InlineData("default")]
    [InlineData("canary")]
    [InlineData("approvals")]
    public async Task Test_ShippedCases_AllPass(string name)
    {
        var result = await CliRun.RunAsync("lifecycle", "test", TestPaths.InRepo("lifecycles", "tests", $"{name}.cases.yaml"));

        result.ExitCode.ShouldBe(0, result.Output);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[..^1].ShouldAllBe(l => l.StartsWith("PASS ", StringComparison.Ordinal));
        lines[^1].ShouldEndWith($"{lines.Length - 1} passed, 0 failed");
    }

    [Fact]
    public async Task Test_FailingCase_PrintsExpectedAndActualAndExitsOne()
    {
        var cases = Write("c.yaml", """
            now: 2026-01-01T00:00:00Z
            cases:
              - { name: ok, image: { state: Building }, event: scan_failed, expect: { accepted: Failed } }
              - { name: wrong, image: { state: Building }, event: scan_passed, expect: { accepted: Scanned } }
            """);

        var result = await CliRun.RunAsync("lifecycle", "test", cases);

        result.ExitCode.ShouldBe(1);
        result.Output.ShouldBe(
            "PASS ok\n" +
            "FAIL wrong: expected accepted Scanned, got rejected [scan-present]\n" +
            "2 cases against embedded:default.yaml: 1 passed, 1 failed\n");
    }

    [Fact]
    public async Task Test_LifecycleOption_RunsAgainstThatFile()
    {
        var cases = Write("c.yaml", """
            now: 2026-01-01T00:00:00Z
            cases:
              - { name: canary exists, image: { state: Canary }, event: abort, expect: { accepted: Staged } }
            """);

        var result = await CliRun.RunAsync("lifecycle", "test", cases, "--lifecycle", TestPaths.InRepo("lifecycles", "canary.yaml"));

        result.ExitCode.ShouldBe(0, result.Output);
        result.Output.ShouldStartWith("PASS canary exists\n");
    }

    [Fact]
    public async Task Test_InvalidFiles_PrintsProblemsAndExitsOne()
    {
        var cases = Write("c.yaml", "now: 2026-01-01T00:00:00Z\ncases:\n  - { name: x, event: promote }\n");

        var result = await CliRun.RunAsync("lifecycle", "test", cases, "--lifecycle", Broken("two-initial.yaml"));

        result.ExitCode.ShouldBe(1);
        result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldBe(
        [
            $"{cases}:3:5: missing required field 'image' in a case",
            $"{cases}:3:5: missing required field 'expect' in a case",
            $"{Broken("two-initial.yaml")}:6:30: second initial state 'Active' ('Building' is already initial)",
            $"{Broken("two-initial.yaml")}:7:31: second initial state 'Retired' ('Building' is already initial)",
            "not run: 4 problem(s) in the files",
        ]);
    }

    [Theory]
    [InlineData("validate", "print 'valid', or every problem")]
    [InlineData("graph", "mermaid (stateDiagram-v2), dot (Graphviz) or svg")]
    [InlineData("test", "Run policy test cases")]
    public async Task Help_EachVerb_DescribesItself(string verb, string text)
    {
        var result = await CliRun.RunAsync("lifecycle", verb, "--help");

        result.ExitCode.ShouldBe(0);
        result.Output.ShouldContain(text);
    }

    private static string Broken(string fixture) => TestPaths.InRepo("tests", "Vivido.Core.Tests", "Fixtures", "broken", fixture);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }
}
