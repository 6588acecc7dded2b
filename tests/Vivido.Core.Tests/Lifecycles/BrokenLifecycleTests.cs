using Vivido.Core.Lifecycles;
using Vivido.Testing;

namespace Vivido.Core.Tests.Lifecycles;

/// <summary>One broken sample per problem class, each asserting every diagnostic exactly (line:col and message).</summary>
public class BrokenLifecycleTests
{
    [Theory]
    [InlineData("yaml-syntax.yaml", "7:1: YAML syntax error: unterminated or malformed flow collection")]
    [InlineData("wrong-header.yaml",
        "1:13: unsupported apiVersion 'vivido.dev/v2' (expected vivido.dev/v1)",
        "2:7: unsupported kind 'Pipeline' (expected Lifecycle)")]
    [InlineData("unknown-state.yaml",
        "9:29: unknown state 'Bulding'",
        "11:50: unknown state 'Gone'",
        "13:14: unknown state 'Stagd'",
        "15:45: unknown state 'Live'")]
    [InlineData("unreachable-state.yaml", "7:13: state 'Orphan' is unreachable from the initial state or an entry state")]
    [InlineData("no-initial.yaml", "5:3: no initial state (mark one state with 'initial: true')")]
    [InlineData("two-initial.yaml",
        "6:30: second initial state 'Active' ('Building' is already initial)",
        "7:31: second initial state 'Retired' ('Building' is already initial)")]
    [InlineData("duplicate-transition.yaml",
        "13:29: duplicate transition: event 'promote' from 'Scanned' is already defined at line 12",
        "15:32: duplicate transition: event 'quarantine' from 'Active' is already defined at line 14")]
    [InlineData("guard-compile.yaml",
        "14:40: guard 'unbalanced' does not compile: expected ')' but found end of input",
        "17:16: guard 'undeclared' does not compile: undeclared reference to 'img.vetoed'",
        "26:36: guard 'block' does not compile: unexpected character '='")]
    [InlineData("timer-terminal.yaml", "11:14: timer on terminal state 'Retired'")]
    [InlineData("timer-event.yaml",
        "15:42: timer event 'retire' does not leave state 'Building'",
        "16:40: timer event 'touch' does not leave state 'Active'",
        "17:41: timer event 'settle' has several targets; a timer cannot choose one")]
    [InlineData("unknown-effect.yaml",
        "13:9: unknown effect 'webhook' (expected supersede or notify)",
        "14:29: supersede event 'superseded' has no transition from 'Active'",
        "16:9: an effect must be a mapping with one key: supersede or notify")]
    [InlineData("exclusive-state.yaml",
        "5:49: initial state 'Building' cannot be exclusive: every new image of a repository starts there",
        "7:48: entry state 'Unknown' cannot be exclusive: every imported image of a repository starts there",
        "8:49: terminal state 'Retired' cannot be exclusive: the first image to reach it would hold it forever",
        "9:32: expected true or false for 'exclusive'")]
    [InlineData("terminal-transition.yaml", "9:28: event 'revive' leaves terminal state 'Retired'")]
    [InlineData("missing-fields.yaml",
        "1:1: missing required field 'metadata' in the lifecycle file",
        "5:5: missing required field 'name' in a state",
        "8:5: missing required field 'to' in transition 'promote'",
        "13:9: missing required field 'expr' in a guard",
        "15:5: missing required field 'event' in a timer")]
    [InlineData("bad-duration.yaml",
        "12:31: bad duration '30x' (expected e.g. 30d, 12h, 90m, 45s or 1d12h)",
        "13:30: bad duration '1h30d' (expected e.g. 30d, 12h, 90m, 45s or 1d12h)",
        "14:30: bad duration '0s' (expected e.g. 30d, 12h, 90m, 45s or 1d12h)")]
    [InlineData("unknown-keys.yaml",
        "3:1: unknown key 'version' in the lifecycle file (expected one of: apiVersion, kind, metadata, states, transitions, timers, admission, retention, overrides, on_tag_move, evidence)",
        "4:27: unknown key 'owner' in metadata (expected one of: name, description)",
        "6:38: unknown key 'colour' in a state (expected one of: name, initial, terminal, exclusive, entry, description)",
        "12:5: unknown key 'guard' in transition 'promote' (expected one of: event, from, to, description, guards, effects)",
        "14:41: unknown key 'keepDays' in retention (expected one of: keepRollbackCandidates)")]
    public void LoadFile_BrokenSample_ReportsEveryProblemAtItsNode(string fixture, params string[] expected)
    {
        var path = TestPaths.InRepo("tests", "Vivido.Core.Tests", "Fixtures", "broken", fixture);

        var result = LifecycleLoader.LoadFile(path);

        result.IsValid.ShouldBeFalse();
        result.Lifecycle.ShouldBeNull();
        result.Diagnostics.Select(d => $"{d.Line}:{d.Column}: {d.Message}").ShouldBe(expected);
        result.Diagnostics.ShouldAllBe(d => d.Source == path);
    }

    [Fact]
    public void BrokenSamples_EachFile_HasATest()
    {
        var folder = TestPaths.InRepo("tests", "Vivido.Core.Tests", "Fixtures", "broken");
        var tested = typeof(BrokenLifecycleTests).GetMethod(nameof(LoadFile_BrokenSample_ReportsEveryProblemAtItsNode))!
            .GetCustomAttributes(typeof(InlineDataAttribute), false)
            .Cast<InlineDataAttribute>()
            .Select(a => (string)a.GetData(null!).Single()[0])
            .Order();

        Directory.GetFiles(folder, "*.yaml").Select(Path.GetFileName).Order().ShouldBe(tested);
    }
}
