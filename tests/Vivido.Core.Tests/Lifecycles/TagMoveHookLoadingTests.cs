using Vivido.Core.Lifecycles;
using Vivido.Core.Tests.Support;

namespace Vivido.Core.Tests.Lifecycles;

public sealed class TagMoveHookLoadingTests
{
    private const string Header = """
        apiVersion: vivido.dev/v1
        kind: Lifecycle
        metadata: { name: hooks }
        states:
          - { name: Building, initial: true }
          - { name: Active }
        transitions:
          - { event: activate, from: Building, to: Active }
        """;

    [Fact]
    public void Load_OnTagMove_BuildsHooksInFileOrder()
    {
        var lifecycle = HookLifecycle.Load();

        lifecycle.TagMoveHooks.ShouldBe([new TagMoveHook("latest", "deprecate_previous"), new TagMoveHook("release-*", "deprecate_previous")]);
    }

    [Theory]
    [InlineData("latest", "latest", true)]
    [InlineData("latest", "latest-1", false)]
    [InlineData("release-*", "release-2.1", true)]
    [InlineData("release-*", "release", false)]
    [InlineData("*", "anything", true)]
    public void Matches_Glob_MatchesWholeTag(string pattern, string tag, bool expected) =>
        new TagMoveHook(pattern, "e").Matches(tag).ShouldBe(expected);

    [Fact]
    public void Load_WithoutOnTagMove_HasNoHooks() =>
        LifecycleLoader.LoadDefault().TagMoveHooks.ShouldBeEmpty();

    [Fact]
    public void Load_UnknownEvent_ReportsItAtTheEvent()
    {
        var result = LifecycleLoader.Load(Header + "\non_tag_move:\n  - { tags: latest, event: deprecate }\n", "x.yaml");

        result.IsValid.ShouldBeFalse();
        result.Diagnostics.Select(d => $"{d.Line}:{d.Column}: {d.Message}")
            .ShouldBe(["10:28: on_tag_move event 'deprecate' is not declared by any transition"]);
    }

    [Fact]
    public void Load_BadTagGlobAndMissingEvent_ReportsBoth()
    {
        var yaml = Header + "\non_tag_move:\n  - { tags: \"a/b\", event: activate }\n  - { tags: latest }\n";

        var result = LifecycleLoader.Load(yaml, "x.yaml");

        result.Diagnostics.Select(d => $"{d.Line}:{d.Column}: {d.Message}").ShouldBe(
        [
            "10:13: bad on_tag_move tags 'a/b' (a tag name or glob: letters, digits, '_', '.', '-' and '*')",
            "11:5: missing required field 'event' in an on_tag_move hook",
        ]);
    }
}
