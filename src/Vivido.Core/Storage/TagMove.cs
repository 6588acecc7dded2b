namespace Vivido.Core.Storage;

/// <summary>A recorded tag move (append-only).</summary>
/// <param name="Id">Position in the tag history, increasing.</param>
/// <param name="Repository">The repository.</param>
/// <param name="Tag">The tag.</param>
/// <param name="FromDigest">Where it pointed before; null when the tag is new.</param>
/// <param name="ToDigest">Where it points now.</param>
/// <param name="Actor">Who moved it.</param>
/// <param name="At">When.</param>
public sealed record TagMove(long Id, string Repository, string Tag, string? FromDigest, string ToDigest, string Actor, DateTimeOffset At);
