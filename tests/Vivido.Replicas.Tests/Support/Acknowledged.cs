namespace Vivido.Replicas.Tests.Support;

/// <summary>
/// A history entry a replica acknowledged with a 2xx: the transition itself, or an effect it carried
/// (<paramref name="CausedBy"/>: the seq of that transition's own entry).
/// </summary>
internal sealed record Acknowledged(string Digest, long Seq, string Event, string? From, string To, string Replica, long? CausedBy = null);
