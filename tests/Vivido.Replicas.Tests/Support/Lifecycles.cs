namespace Vivido.Replicas.Tests.Support;

/// <summary>The lifecycles the replicas run.</summary>
internal static class Lifecycles
{
    /// <summary>
    /// Ping-pong (every correctly ordered hit/return is accepted, no evidence needed), plus an exclusive
    /// Active that <c>promote</c> enters from Ping, superseding the repository's previous Active digest.
    /// </summary>
    public const string PingPongExclusive = """
        apiVersion: vivido.dev/v1
        kind: Lifecycle
        metadata: { name: pingpong-exclusive }
        states:
          - { name: Ping, initial: true }
          - { name: Pong }
          - { name: Active, exclusive: true }
          - { name: Deprecated }
        transitions:
          - { event: hit, from: Ping, to: Pong }
          - { event: return, from: Pong, to: Ping }
          - event: promote
            from: Ping
            to: Active
            effects:
              - supersede: { event: superseded }
          - { event: superseded, from: Active, to: Deprecated }
        """;

    /// <summary>A timer two seconds after registration; a guard refuses it for images with the attribute <c>pinned</c>.</summary>
    public const string ShortTimer = """
        apiVersion: vivido.dev/v1
        kind: Lifecycle
        metadata: { name: short-timer }
        states:
          - { name: Waiting, initial: true }
          - { name: Done, terminal: true }
        transitions:
          - event: finish
            from: Waiting
            to: Done
            guards:
              - { name: not-pinned, expr: "!('pinned' in image.attributes)", message: the image is pinned }
        timers:
          - { state: Waiting, after: 2s, event: finish }
        """;
}
