namespace Vivido.Core.Storage;

/// <summary>Tags: mutable pointers whose every move is recorded. Moving a tag never changes a state.</summary>
public interface ITagStore
{
    /// <summary>Points the tag at the digest and records the move. Null when the digest is not registered in that repository. A move to where the tag already points is recorded too (from = to), so every request is audited.</summary>
    Task<TagMove?> MoveTagAsync(TagMoveRequest request, CancellationToken cancellationToken = default);

    /// <summary>The repository's tags, by name.</summary>
    Task<IReadOnlyList<TagRecord>> ListTagsAsync(string repository, CancellationToken cancellationToken = default);

    /// <summary>Where <paramref name="repository"/>:<paramref name="tag"/> points now, or null when Vivido has no such tag (admission resolves tags with it).</summary>
    Task<TagRecord?> FindTagAsync(string repository, string tag, CancellationToken cancellationToken = default);

    /// <summary>The recorded moves of the repository's tags (of one tag when <paramref name="tag"/> is given), oldest first.</summary>
    Task<IReadOnlyList<TagMove>> ReadTagHistoryAsync(string repository, string? tag, CancellationToken cancellationToken = default);
}
