namespace Vivido.Core.Storage;

/// <summary>Point <paramref name="Tag"/> of <paramref name="Repository"/> at <paramref name="Digest"/>.</summary>
/// <param name="Repository">The repository.</param>
/// <param name="Tag">The tag name.</param>
/// <param name="Digest">A digest registered in <paramref name="Repository"/>.</param>
/// <param name="Actor">The token name.</param>
/// <param name="At">When.</param>
public sealed record TagMoveRequest(string Repository, string Tag, string Digest, string Actor, DateTimeOffset At);
