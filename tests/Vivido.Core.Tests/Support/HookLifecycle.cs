using Vivido.Core.Lifecycles;

namespace Vivido.Core.Tests.Support;

/// <summary>A small lifecycle with <c>on_tag_move</c> hooks: moving <c>latest</c> or <c>release-*</c> off an Active digest deprecates it unless pinned.</summary>
internal static class HookLifecycle
{
    public const string Yaml = """
        apiVersion: vivido.dev/v1
        kind: Lifecycle
        metadata: { name: hooks }
        states:
          - { name: Building, initial: true }
          - { name: Active, exclusive: true }
          - { name: Deprecated }
        transitions:
          - event: activate
            from: Building
            to: Active
          - event: deprecate_previous
            from: Active
            to: Deprecated
            guards:
              - name: not-pinned
                expr: "!('pinned' in image.attributes)"
                message: the image is pinned
        on_tag_move:
          - { tags: latest, event: deprecate_previous }
          - { tags: "release-*", event: deprecate_previous }
        """;

    public static Lifecycle Load()
    {
        var result = LifecycleLoader.Load(Yaml, "hooks.yaml");
        result.Diagnostics.ShouldBeEmpty();
        return result.Lifecycle!;
    }
}
