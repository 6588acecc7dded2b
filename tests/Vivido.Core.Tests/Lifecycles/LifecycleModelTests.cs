using Vivido.Core.Lifecycles;

namespace Vivido.Core.Tests.Lifecycles;

public class LifecycleModelTests
{
    private readonly Lifecycle _default = LifecycleLoader.LoadDefault();

    [Fact]
    public void Find_KnownPair_ReturnsTheRow()
    {
        var row = _default.Find("Building", "scan_passed");

        row.ShouldNotBeNull();
        row.To.ShouldBe(["Scanned"]);
        row.HasSeveralTargets.ShouldBeFalse();
    }

    [Theory]
    [InlineData("Building", "promote")]
    [InlineData("Retired", "quarantine")]
    [InlineData("Nowhere", "scan_passed")]
    public void Find_PairNotInTable_ReturnsNull(string state, string eventName) =>
        _default.Find(state, eventName).ShouldBeNull();

    [Fact]
    public void Find_StarSource_CoversNonTerminalStatesExceptTheTarget()
    {
        _default.Find("Unknown", "quarantine").ShouldNotBeNull();
        _default.Find("Quarantined", "quarantine").ShouldBeNull();
        _default.Find("Failed", "quarantine").ShouldBeNull();
    }

    [Fact]
    public void EventsFrom_Building_ListsEventsInFileOrder() =>
        _default.EventsFrom("Building").ShouldBe(["scan_passed", "scan_failed", "expire", "quarantine"]);

    [Fact]
    public void EventsFrom_TerminalState_IsEmpty() => _default.EventsFrom("Retired").ShouldBeEmpty();

    [Fact]
    public void IsTerminal_States_FollowDeclarations()
    {
        _default.IsTerminal("Retired").ShouldBeTrue();
        _default.IsTerminal("Active").ShouldBeFalse();
        _default.IsTerminal("Nowhere").ShouldBeFalse();
    }

    [Fact]
    public void Find_MultiTarget_ReportsSeveralTargets() =>
        _default.Find("Unknown", "adopt")!.HasSeveralTargets.ShouldBeTrue();

    [Theory]
    [InlineData("prod-*", "prod-eu", true)]
    [InlineData("prod-*", "staging", false)]
    [InlineData("*", "anything", true)]
    [InlineData("team-*-prod", "team-a-prod", true)]
    [InlineData("team-*-prod", "team-a-dev", false)]
    [InlineData("exact", "exact", true)]
    [InlineData("exact", "exactly", false)]
    public void Matches_GlobPattern_MatchesWholeName(string pattern, string name, bool expected) =>
        new AdmissionRule(pattern, ["Active"]).Matches(name).ShouldBe(expected);

    [Fact]
    public void AllowedStatesIn_FirstMatchingRuleWins()
    {
        _default.AllowedStatesIn("prod-eu")!.ShouldBe(["Active"]);
        _default.AllowedStatesIn("dev")!.ShouldContain("Staged");
    }
}
