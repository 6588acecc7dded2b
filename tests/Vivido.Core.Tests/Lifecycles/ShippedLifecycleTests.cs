using Vivido.Core.Lifecycles;
using Vivido.Testing;

namespace Vivido.Core.Tests.Lifecycles;

public class ShippedLifecycleTests
{
    [Theory]
    [InlineData("default.yaml")]
    [InlineData("canary.yaml")]
    [InlineData("approvals.yaml")]
    public void LoadFile_ShippedLifecycle_IsValid(string file)
    {
        var result = LifecycleLoader.LoadFile(TestPaths.InRepo("lifecycles", file));

        result.Diagnostics.ShouldBeEmpty();
        result.IsValid.ShouldBeTrue();
    }

    [Fact]
    public void LoadDefault_Embedded_MatchesDesignTable()
    {
        var lifecycle = LifecycleLoader.LoadDefault();

        lifecycle.Name.ShouldBe("default");
        lifecycle.Description!.ShouldStartWith("Build, scan, stage, promote");
        lifecycle.InitialState.ShouldBe("Building");
        lifecycle.States.Select(s => s.Name).ShouldBe(
            ["Building", "Scanned", "Staged", "Active", "Deprecated", "Retired", "Failed", "Quarantined", "Unknown"]);
        lifecycle.States.Where(s => s.Terminal).Select(s => s.Name).ShouldBe(["Retired", "Failed"]);
        lifecycle.State("Unknown")!.Entry.ShouldBe("import");
        Rows(lifecycle).ShouldBe(
        [
            "scan_passed: Building -> Scanned",
            "scan_failed: Building -> Failed",
            "staged: Scanned -> Staged",
            "promote: Staged -> Active",
            "superseded: Active -> Deprecated",
            "rollback: Deprecated -> Active",
            "retire: Deprecated -> Retired",
            "expire: Building, Scanned, Staged -> Retired",
            "quarantine: Building, Scanned, Staged, Active, Deprecated, Unknown -> Quarantined",
            "release: Quarantined -> Scanned",
            "adopt: Unknown -> Active, Deprecated, Retired",
        ]);
    }

    [Fact]
    public void LoadDefault_Embedded_HasTimersPoliciesAndEffects()
    {
        var lifecycle = LifecycleLoader.LoadDefault();

        lifecycle.Timers.ShouldContain(new TimerDefinition("Deprecated", TimeSpan.FromDays(30), "retire"));
        lifecycle.Timers.Where(t => t.Event == "expire").Select(t => (t.State, t.After))
            .ShouldBe([("Building", TimeSpan.FromDays(7)), ("Scanned", TimeSpan.FromDays(7)), ("Staged", TimeSpan.FromDays(7))]);
        lifecycle.Find("Staged", "promote")!.Effects.ShouldContain(new SupersedeEffect("superseded"));
        lifecycle.Find("Deprecated", "rollback")!.Effects.ShouldContain(new SupersedeEffect("superseded"));
        lifecycle.Find("Staged", "promote")!.Guards.Select(g => g.Name)
            .ShouldBe(["staging-tests-passed", "release-manager-approval", "target-approved"]);
        lifecycle.Retention.KeepRollbackCandidates.ShouldBe(3);
        lifecycle.Overrides.Confirmations.ShouldBe(1);
        lifecycle.AllowedStatesIn("prod-eu")!.ShouldBe(["Active"]);
    }

    [Fact]
    public void LoadDefault_Embedded_EqualsTheFileInTheRepository()
    {
        LifecycleLoader.DefaultYaml().ShouldBe(File.ReadAllText(TestPaths.InRepo("lifecycles", "default.yaml")));
    }

    [Fact]
    public void LoadFile_Canary_PutsCanaryBetweenStagedAndActive()
    {
        var lifecycle = LifecycleLoader.LoadFile(TestPaths.InRepo("lifecycles", "canary.yaml")).Lifecycle!;

        lifecycle.Find("Staged", "canary")!.To.ShouldBe(["Canary"]);
        lifecycle.Find("Canary", "promote")!.To.ShouldBe(["Active"]);
        lifecycle.Find("Staged", "promote").ShouldBeNull();
        lifecycle.AllowedStatesIn("prod-us")!.ShouldBe(["Active", "Canary"]);
    }

    [Fact]
    public void LoadFile_Approvals_ChainsSecurityThenQa()
    {
        var lifecycle = LifecycleLoader.LoadFile(TestPaths.InRepo("lifecycles", "approvals.yaml")).Lifecycle!;

        lifecycle.Find("Scanned", "submit")!.To.ShouldBe(["AwaitingSecurityApproval"]);
        lifecycle.Find("AwaitingSecurityApproval", "security_approved")!.To.ShouldBe(["AwaitingQA"]);
        lifecycle.Find("AwaitingQA", "qa_approved")!.To.ShouldBe(["Staged"]);
        lifecycle.Find("AwaitingQA", "qa_approved")!.Guards.Select(g => g.Name).ShouldContain("four-eyes");
        lifecycle.Overrides.Confirmations.ShouldBe(2);
    }

    [Theory]
    [InlineData("default.yaml")]
    [InlineData("canary.yaml")]
    [InlineData("approvals.yaml")]
    public void LoadFile_ShippedLifecycle_OnlyActiveIsExclusive(string file)
    {
        var lifecycle = LifecycleLoader.LoadFile(TestPaths.InRepo("lifecycles", file)).Lifecycle!;

        lifecycle.ExclusiveStates.ShouldBe(["Active"]);
        lifecycle.State("Active")!.Exclusive.ShouldBeTrue();
        lifecycle.State("Deprecated")!.Exclusive.ShouldBeFalse();
    }

    private static IEnumerable<string> Rows(Lifecycle lifecycle) =>
        lifecycle.Transitions.Select(t => $"{t.Event}: {string.Join(", ", t.From)} -> {string.Join(", ", t.To)}");
}
