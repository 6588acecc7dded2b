using FsCheck;
using FsCheck.Fluent;
using Vivido.Core.Lifecycles;

namespace Vivido.Core.Tests.Lifecycles;

public class LifecycleLoaderTests
{
    private const string Header = "apiVersion: vivido.dev/v1\nkind: Lifecycle\nmetadata: { name: t }\n";

    private const string MinimalBody =
        "states:\n  - { name: A, initial: true }\n  - { name: B, terminal: true }\n" +
        "transitions:\n  - { event: go, from: A, to: B }\n";

    [Fact]
    public void Load_Minimal_AppliesPolicyDefaults()
    {
        var result = LifecycleLoader.Load(Header + MinimalBody, "t.yaml");

        result.IsValid.ShouldBeTrue();
        result.Lifecycle!.Retention.ShouldBe(RetentionPolicy.Default);
        result.Lifecycle.Overrides.ShouldBe(OverridePolicy.Default);
        result.Lifecycle.Timers.ShouldBeEmpty();
        result.Lifecycle.AdmissionRules.ShouldBeEmpty();
    }

    [Fact]
    public void Load_ExclusiveStates_ListsThoseMarkedTrueInFileOrder()
    {
        var yaml = Header +
            "states:\n  - { name: A, initial: true }\n  - { name: C, exclusive: true }\n  - { name: B, exclusive: false }\n  - { name: D, exclusive: true }\n" +
            "transitions:\n  - { event: go, from: A, to: [B, C, D] }\n";

        var lifecycle = LifecycleLoader.Load(yaml, "t.yaml").Lifecycle!;

        lifecycle.ExclusiveStates.ShouldBe(["C", "D"]);
        lifecycle.State("B")!.Exclusive.ShouldBeFalse();
        lifecycle.State("A")!.Exclusive.ShouldBeFalse();
    }

    [Theory]
    [InlineData("", "1:1: the file is empty")]
    [InlineData("- a\n- b\n", "1:1: expected a mapping for the lifecycle file")]
    [InlineData("a: 1\n---\nb: 2\n", "3:1: expected one YAML document, found 2")]
    [InlineData("kind: x\nkind: y\n", "2:1: duplicate key 'kind'")]
    [InlineData("a: \"open\n", "1:4: YAML syntax error: while scanning a quoted scalar, found unexpected end of stream")]
    public void Load_MalformedYaml_ReportsOneDiagnostic(string yaml, string expected) =>
        Describe(LifecycleLoader.Load(yaml, "t.yaml")).ShouldBe([expected]);

    [Fact]
    public void Load_DuplicateStateName_ReportsTheSecond()
    {
        var yaml = Header + "states:\n  - { name: A, initial: true }\n  - { name: A }\ntransitions: []\n";

        Describe(LifecycleLoader.Load(yaml, "t.yaml")).ShouldBe(["6:13: duplicate state 'A' (first declared at line 5)"]);
    }

    [Fact]
    public void Load_InvalidNamesAndValues_ReportsEach()
    {
        var yaml = Header +
            "states:\n  - { name: 'Bad State', initial: yes }\n  - { name: A, initial: true }\n" +
            "transitions:\n  - { event: go, from: A, to: ['*'] }\n  - { event: 'bad event', from: A, to: A }\n" +
            "overrides: { confirmations: 3 }\nretention: { keepRollbackCandidates: -1 }\n";

        Describe(LifecycleLoader.Load(yaml, "t.yaml")).ShouldBe(
        [
            "5:13: invalid state name 'Bad State' (use letters, digits, '_', '-' or '.', starting with a letter)",
            "5:35: expected true or false for 'initial'",
            "8:32: '*' is only allowed in 'from'",
            "9:14: invalid event name 'bad event' (use letters, digits, '_', '-' or '.', starting with a letter)",
            "10:29: 'confirmations' must be 1 or 2",
            "11:38: expected an integer >= 0 for 'keepRollbackCandidates'",
        ]);
    }

    [Fact]
    public void Load_DuplicateGuardName_IsReported()
    {
        var yaml = Header + "states:\n  - { name: A, initial: true }\n  - { name: B }\ntransitions:\n  - event: go\n    from: A\n    to: B\n" +
            "    guards:\n      - { name: g, expr: 'true', message: m }\n      - { name: g, expr: 'false', message: m }\n";

        Describe(LifecycleLoader.Load(yaml, "t.yaml")).ShouldBe(["13:17: duplicate guard 'g' in transition 'go'"]);
    }

    [Fact]
    public void Load_ValidFile_CompilesGuardsAndReadsPolicies()
    {
        var yaml = Header + MinimalBody.Replace("to: B }", "to: B, guards: [{ name: g, expr: \"image.vetoed == false\", message: m }] }", StringComparison.Ordinal) +
            "retention: { keepRollbackCandidates: 7 }\noverrides: { confirmations: 2 }\n" +
            "admission:\n  - { namespaces: 'prod-*', allow: A }\n";

        var lifecycle = LifecycleLoader.Load(yaml, "t.yaml").Lifecycle!;

        var guard = lifecycle.Find("A", "go")!.Guards.ShouldHaveSingleItem();
        guard.Program.Source.ShouldBe("image.vetoed == false");
        lifecycle.Retention.KeepRollbackCandidates.ShouldBe(7);
        lifecycle.Overrides.Confirmations.ShouldBe(2);
        lifecycle.AdmissionRules.ShouldHaveSingleItem().Allow.ShouldBe(["A"]);
    }

    [Fact]
    public void LoadFile_MissingFile_Throws() =>
        Should.Throw<FileNotFoundException>(() => LifecycleLoader.LoadFile(Path.Combine(Path.GetTempPath(), "vivido-no-such-file.yaml")));

    [Fact]
    public void Diagnostic_ToString_IsFileLineColumnMessage() =>
        new LifecycleDiagnostic("a.yaml", 3, 7, "boom").ToString().ShouldBe("a.yaml:3:7: boom");

    [Fact]
    public void Load_RandomlyDamagedDefault_NeverThrows()
    {
        var original = LifecycleLoader.DefaultYaml();
        var damage = from position in Gen.Choose(0, original.Length - 1)
                     from length in Gen.Choose(0, 40)
                     from insert in Gen.Elements("", ":", "- ", "{", "]", "\"", "'", "\n  ", "*x", "&a ", "|", "\t", "? ")
                     select (position, length, insert);

        Prop.ForAll(damage.ToArbitrary(), d =>
        {
            var length = Math.Min(d.length, original.Length - d.position);
            var yaml = original.Remove(d.position, length).Insert(d.position, d.insert);
            var result = LifecycleLoader.Load(yaml, "damaged.yaml");
            return result.IsValid || result.Diagnostics.Count > 0;
        }).QuickCheckThrowOnFailure();
    }

    private static IEnumerable<string> Describe(LifecycleLoadResult result) =>
        result.Diagnostics.Select(d => $"{d.Line}:{d.Column}: {d.Message}");
}
