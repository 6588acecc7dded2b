using Vivido.Core.Lifecycles;
using Vivido.Evidence;

namespace Vivido.Core.Tests.Lifecycles;

public sealed class EvidencePolicyLoadingTests
{
    private const string Header = """
        apiVersion: vivido.dev/v1
        kind: Lifecycle
        metadata: { name: evidence }
        states:
          - { name: Building, initial: true }
          - { name: Active }
          - { name: Quarantined }
        transitions:
          - { event: activate, from: Building, to: Active }
          - { event: quarantine, from: [Building, Active], to: Quarantined }
        """;

    [Fact]
    public void LoadDefault_EvidenceSection_QuarantinesOnCriticalAndRescansWeekly()
    {
        var policy = LifecycleLoader.LoadDefault().Evidence;

        policy.OnCritical.ShouldBe("quarantine");
        policy.RescanAfter.ShouldBe(TimeSpan.FromDays(7));
        policy.RescanStates.ShouldBe(["Active", "Deprecated"]);
        policy.Weights.ShouldBe(ScoreWeights.Default);
    }

    [Fact]
    public void Load_WithoutEvidence_FiresNothingAndUsesDefaultWeights()
    {
        var lifecycle = Load(Header);

        lifecycle.Evidence.ShouldBe(EvidencePolicy.None);
    }

    [Fact]
    public void Load_FullSection_ReadsEveryField()
    {
        var lifecycle = Load(Header + """

            evidence:
              on_critical: quarantine
              rescan: { after: 3d, states: [Active] }
              score:
                weights: { critical: 5, high: 2.5, low: 0 }
            """);

        lifecycle.Evidence.OnCritical.ShouldBe("quarantine");
        lifecycle.Evidence.RescanAfter.ShouldBe(TimeSpan.FromDays(3));
        lifecycle.Evidence.RescanStates.ShouldBe(["Active"]);
        lifecycle.Evidence.Weights.ShouldBe(new ScoreWeights(Critical: 5, High: 2.5, Medium: 0.1, Low: 0, Unknown: 0.1));
    }

    [Theory]
    [InlineData("evidence: { on_critical: nuke }", "evidence on_critical event 'nuke' is not declared by any transition")]
    [InlineData("evidence: { rescan: { after: soon } }", "bad duration 'soon' (expected e.g. 7d, 12h or 1d12h)")]
    [InlineData("evidence: { rescan: { after: 7d, states: [Gone] } }", "unknown state 'Gone'")]
    [InlineData("evidence: { score: { weights: { critical: -1 } } }", "'evidence.score.weights.critical' must be a number >= 0")]
    [InlineData("evidence: { score: { weights: { severe: 1 } } }", "unknown key 'severe' in evidence.score.weights")]
    [InlineData("evidence: { quarantine: yes }", "unknown key 'quarantine' in evidence")]
    public void Load_BadEvidence_IsRefusedWithTheReason(string section, string expected)
    {
        var result = LifecycleLoader.Load(Header + "\n" + section + "\n", "x.yaml");

        result.IsValid.ShouldBeFalse();
        result.Diagnostics.ShouldContain(d => d.Message.Contains(expected, StringComparison.Ordinal), string.Join("; ", result.Diagnostics.Select(d => d.Message)));
    }

    private static Lifecycle Load(string yaml)
    {
        var result = LifecycleLoader.Load(yaml, "x.yaml");
        result.IsValid.ShouldBeTrue(string.Join("; ", result.Diagnostics.Select(d => d.Message)));
        return result.Lifecycle!;
    }
}
