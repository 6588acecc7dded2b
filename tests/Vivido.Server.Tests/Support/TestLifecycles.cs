namespace Vivido.Server.Tests.Support;

/// <summary>Small lifecycles for tests that need many accepted transitions without evidence.</summary>
internal static class TestLifecycles
{
    /// <summary>Two states and two unguarded events between them: every correctly ordered event is accepted.</summary>
    public const string PingPong = """
        apiVersion: vivido.dev/v1
        kind: Lifecycle
        metadata:
          name: pingpong
        states:
          - name: Ping
            initial: true
          - name: Pong
        transitions:
          - event: hit
            from: Ping
            to: Pong
          - event: return
            from: Pong
            to: Ping
        """;
}
