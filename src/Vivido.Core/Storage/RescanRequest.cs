namespace Vivido.Core.Storage;

/// <summary>
/// Asks for re-scan requests: images in <paramref name="States"/> whose newest scan is older than
/// <paramref name="ScannedBefore"/> (or that have none), and that were not already requested since
/// <paramref name="RequestedBefore"/>. Each gets one outbox message <paramref name="Topic"/>.
/// </summary>
/// <param name="States">The states to look in (the lifecycle's <c>evidence.rescan.states</c>).</param>
/// <param name="ScannedBefore">now − the lifecycle's scan age limit.</param>
/// <param name="RequestedBefore">Requests older than this are repeated (same limit).</param>
/// <param name="Limit">At most this many per call.</param>
/// <param name="At">Now.</param>
/// <param name="Topic">The outbox topic, <c>rescan.requested</c>.</param>
public sealed record RescanRequest(
    IReadOnlyCollection<string> States,
    DateTimeOffset ScannedBefore,
    DateTimeOffset RequestedBefore,
    int Limit,
    DateTimeOffset At,
    string Topic);
