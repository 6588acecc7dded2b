using Vivido.Core.Lifecycles;
using Vivido.Core.PolicyTests;
using Vivido.Testing;
using YamlDotNet.RepresentationModel;

namespace Vivido.Core.Tests.PolicyTests;

public sealed class LifecycleTestRunnerTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vivido-cases-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("default")]
    [InlineData("canary")]
    [InlineData("approvals")]
    public void RunFile_ShippedCases_AllPass(string name)
    {
        var report = LifecycleTestRunner.RunFile(TestPaths.InRepo("lifecycles", "tests", $"{name}.cases.yaml"), null);

        report.Diagnostics.ShouldBeEmpty();
        report.Cases.Where(c => !c.Passed).Select(c => $"{c.Name}: expected {c.Expected}, got {c.Actual}").ShouldBeEmpty();
        report.Succeeded.ShouldBeTrue();
        report.LifecycleSource.ShouldEndWith($"{name}.yaml");
    }

    [Theory]
    [InlineData("default")]
    [InlineData("canary")]
    [InlineData("approvals")]
    public void ShippedCases_EveryEvent_IsAcceptedOnceAndRefusedOnce(string name)
    {
        var lifecycle = LifecycleLoader.LoadFile(TestPaths.InRepo("lifecycles", $"{name}.yaml")).Lifecycle!;
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(TestPaths.InRepo("lifecycles", "tests", $"{name}.cases.yaml"))));
        var cases = ((YamlSequenceNode)((YamlMappingNode)stream.Documents[0].RootNode)["cases"]).Cast<YamlMappingNode>()
            .Select(c => (Event: c["event"].ToString(), Outcome: ((YamlMappingNode)c["expect"]).Children.Keys.Single().ToString()))
            .ToList();

        foreach (var eventName in lifecycle.Transitions.Select(t => t.Event).Distinct())
        {
            cases.ShouldContain((eventName, "accepted"), $"no case accepts {eventName}");
            cases.ShouldContain(c => c.Event == eventName && c.Outcome != "accepted", $"no case refuses {eventName}");
        }
    }

    [Fact]
    public void RunFile_WrongExpectations_ReportEachFailureWithExpectedAndActual()
    {
        var path = Write("cases.yaml", """
            now: 2026-01-01T00:00:00Z
            cases:
              - { name: wrong state, image: { state: Building }, event: scan_failed, expect: { accepted: Retired } }
              - { name: wrong guards, image: { state: Building }, event: scan_passed, expect: { rejected: [scan-score] } }
              - { name: not refused, image: { state: Building }, event: scan_failed, expect: { notAllowed: true } }
              - { name: refused, image: { state: Active }, event: staged, expect: { accepted: Staged } }
              - { name: right, image: { state: Building }, event: scan_failed, expect: { accepted: Failed } }
            """);

        var report = LifecycleTestRunner.RunFile(path, null);

        report.LifecycleSource.ShouldBe(LifecycleLoader.DefaultSourceName);
        report.Cases.Select(c => (c.Name, c.Passed, c.Expected, c.Actual)).ShouldBe(
        [
            ("wrong state", false, "accepted Retired", "accepted Failed"),
            ("wrong guards", false, "rejected [scan-score]", "rejected [scan-present]"),
            ("not refused", false, "not allowed", "accepted Failed"),
            ("refused", false, "accepted Staged", "not allowed (allowed from Active: superseded, quarantine)"),
            ("right", true, "accepted Failed", "accepted Failed"),
        ]);
        (report.PassedCount, report.FailedCount, report.Succeeded).ShouldBe((1, 4, false));
    }

    [Fact]
    public void RunFile_InvalidCases_ReportsEveryProblemAndRunsNothing()
    {
        var path = Write("bad.cases.yaml", """
            cases:
              - name: no clock
                image: { state: Building, colour: red }
                event: scan_passed
                expect: { accepted: Scanned, rejected: [x] }
              - name: bad values
                now: yesterday
                image: { state: Building, vetoed: maybe, deployments: [{ status: sleeping }] }
                expect: { notAllowed: false }
            """);

        var report = LifecycleTestRunner.RunFile(path, null);

        report.Cases.ShouldBeEmpty();
        report.IsValid.ShouldBeFalse();
        report.Diagnostics.Select(d => $"{d.Line}:{d.Column}: {d.Message}").ShouldBe(
        [
            "2:5: missing 'now': set it for the file or for this case",
            "3:31: unknown key 'colour' in 'image' (expected one of: state, digest, repository, version, enteredStateAt, tags, attributes, vetoed, scan, sbom, signature, provenance, tests, approvals, deployments)",
            "5:13: 'expect' needs exactly one of: accepted, rejected, notAllowed",
            "6:5: missing required field 'event' in a case",
            "7:10: expected a timestamp like 2026-01-01T00:00:00Z for 'now'",
            "8:39: expected true or false for 'vetoed'",
            "8:70: unknown deployment status 'sleeping' (expected healthy, degraded, failed, stopped, progressing)",
            "9:27: 'notAllowed' can only be true; expect accepted or rejected instead",
        ]);
    }

    [Fact]
    public void RunFile_LifecycleOption_OverridesTheFileAndReportsItsProblems()
    {
        var broken = TestPaths.InRepo("tests", "Vivido.Core.Tests", "Fixtures", "broken", "no-initial.yaml");
        var path = Write("cases.yaml", "lifecycle: ../nowhere.yaml\nnow: 2026-01-01T00:00:00Z\ncases: []\n");

        var report = LifecycleTestRunner.RunFile(path, broken);

        report.LifecycleSource.ShouldBe(broken);
        report.Diagnostics.ShouldHaveSingleItem().ToString().ShouldBe($"{broken}:5:3: no initial state (mark one state with 'initial: true')");
    }

    [Fact]
    public void RunFile_MissingFiles_AreDiagnosticsNotExceptions()
    {
        var missingCases = LifecycleTestRunner.RunFile(Path.Combine(_dir, "absent.yaml"), null);
        var missingLifecycle = LifecycleTestRunner.RunFile(Write("c.yaml", "lifecycle: absent.yaml\nnow: 2026-01-01T00:00:00Z\ncases: []\n"), null);

        missingCases.Diagnostics.ShouldHaveSingleItem().Message.ShouldStartWith("cannot read the file: ");
        missingLifecycle.Diagnostics.ShouldHaveSingleItem().Source.ShouldBe(Path.Combine(_dir, "absent.yaml"));
    }

    [Fact]
    public void RunFile_CaseClockAndImageDefaults_AreUsed()
    {
        var path = Write("cases.yaml", """
            now: 2026-01-01T00:00:00Z
            cases:
              - name: case clock makes the scan stale
                now: 2026-03-01T00:00:00Z
                image: { state: Deprecated, scan: { at: 2026-01-01T00:00:00Z } }
                event: rollback
                expect: { rejected: [fresh-scan-or-accepted] }
              - name: scan defaults to now and clean; empty lists are fine
                image: { state: Deprecated, scan: { cves: [] }, tags: [] }
                actor: { name: ops, roles: [] }
                repository: { active: [], deprecated: [] }
                params: {}
                event: rollback
                expect: { accepted: Active }
            """);

        var report = LifecycleTestRunner.RunFile(path, null);

        report.Diagnostics.ShouldBeEmpty();
        report.Cases.Count.ShouldBe(2);
        report.Cases.ShouldAllBe(c => c.Passed);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }
}
