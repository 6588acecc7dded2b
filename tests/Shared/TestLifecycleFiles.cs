namespace Vivido.Testing;

/// <summary>Small lifecycle files used by tests in several projects.</summary>
internal static class TestLifecycleFiles
{
    /// <summary><c>submit</c> needs a signature verified by the key named <c>release</c>.</summary>
    public const string ReleaseSigned = """
        apiVersion: vivido.dev/v1
        kind: Lifecycle
        metadata: { name: signed }
        states:
          - { name: Building, initial: true }
          - { name: Signed }
        transitions:
          - event: submit
            from: Building
            to: Signed
            guards:
              - { name: release-signed, expr: 'has(image.signature) && image.signature.verifiedBy.exists(k, k == "release")', message: "needs a signature by the release key" }
        """;

    /// <summary>Moving <c>latest</c> or <c>release-*</c> off an Active digest fires <c>deprecate_previous</c>, refused for a pinned image.</summary>
    public const string TagMoveHooks = """
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

    /// <summary>Building → Deprecated → Retired by hand, keeping one rollback candidate: what cleanup tests retire images with.</summary>
    public const string Retiring = """
        apiVersion: vivido.dev/v1
        kind: Lifecycle
        metadata: { name: retiring }
        states:
          - { name: Building, initial: true }
          - { name: Deprecated }
          - { name: Retired, terminal: true }
        transitions:
          - { event: deprecate, from: Building, to: Deprecated }
          - { event: retire, from: Deprecated, to: Retired }
        retention: { keepRollbackCandidates: 1 }
        """;
}
