using Vivido.Core.Service;

namespace Vivido.Core.Lifecycles;

/// <summary>
/// <c>on_tag_move</c>: when a tag matching <paramref name="Tags"/> moves off a digest, <paramref name="Event"/>
/// is fired on the digest it left, subject to guards. The move itself never waits on the outcome.
/// </summary>
/// <param name="Tags">A tag name or glob, where <c>*</c> matches any run of characters.</param>
/// <param name="Event">A declared event.</param>
public sealed record TagMoveHook(string Tags, string Event)
{
    /// <summary>True when <paramref name="tag"/> matches <see cref="Tags"/>.</summary>
    public bool Matches(string tag) => RepositoryPattern.Matches(Tags, tag);
}
