using Vivido.Core.Engine;
using Vivido.Core.Lifecycles;

namespace Vivido.Core.Service;

/// <summary>
/// The lifecycle's <c>on_tag_move</c> hooks: after a tag moved off a digest, fires each matching hook's
/// event on that digest as the mover. Refusals are recorded in its history by the runner; the move
/// has already been committed and stands whatever the outcome.
/// </summary>
internal sealed class TagMoveHooks(TransitionRunner runner)
{
    /// <summary>The parameter naming the tag that moved.</summary>
    public const string TagParam = "tag";

    /// <summary>The parameter naming the digest the tag moved to.</summary>
    public const string MovedToParam = "movedTo";

    public bool Any => runner.Lifecycle.TagMoveHooks.Count > 0;

    public async Task FireAsync(Caller caller, string repository, string tag, string? fromDigest, string toDigest, CancellationToken cancellationToken)
    {
        if (fromDigest is null || fromDigest == toDigest)
        {
            return;
        }

        foreach (var hook in runner.Lifecycle.TagMoveHooks.Where(h => h.Matches(tag)))
        {
            var request = new TransitionRequest(
                hook.Event,
                caller.ToActor(),
                $"on_tag_move: {repository}:{tag} moved to {toDigest}",
                new Dictionary<string, string>(StringComparer.Ordinal) { [TagParam] = tag, [MovedToParam] = toDigest });
            await runner.FireAsync(caller, fromDigest, request, expectedVersion: null, cancellationToken).ConfigureAwait(false);
        }
    }
}
