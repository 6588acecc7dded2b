using Vivido.Core.Storage;

namespace Vivido.Store.Common;

/// <summary>
/// The history entries a store appends, as drafts: the store's chain writer fills in seq, the previous
/// hash and the hash when it seals them.
/// </summary>
public static class HistoryDrafts
{
    private static readonly IReadOnlyDictionary<string, string> NoParams = new Dictionary<string, string>();

    /// <summary>The entry of a registration: <c>register</c> into the initial state.</summary>
    public static HistoryEntry Registration(ImageRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        return Draft(
            registration.Digest, HistoryKind.Accepted, "register", null, registration.InitialState, registration.Actor, null, NoParams, registration.At, null);
    }

    /// <summary>The committed image's own entry.</summary>
    public static HistoryEntry Commit(TransitionCommit commit)
    {
        ArgumentNullException.ThrowIfNull(commit);
        return Draft(commit.Digest, commit.Kind, commit.Event, commit.From, commit.To, commit.Actor, commit.Reason, commit.Params, commit.At, commit.Detail);
    }

    /// <summary>The entry of another image of the repository moved by one of the commit's effects.</summary>
    public static HistoryEntry Effect(TransitionCommit commit, EffectTransition effect, string digest)
    {
        ArgumentNullException.ThrowIfNull(commit);
        ArgumentNullException.ThrowIfNull(effect);
        return Draft(
            digest, HistoryKind.Accepted, effect.Event, effect.FromState, effect.ToState, commit.Actor, commit.Reason, NoParams, commit.At,
            $"effect of {commit.Event} on {commit.Digest}");
    }

    /// <summary>The entry of a rejection, recorded against the image's current <paramref name="state"/>.</summary>
    public static HistoryEntry Rejection(RejectionRecord rejection, string state)
    {
        ArgumentNullException.ThrowIfNull(rejection);
        return Draft(
            rejection.Digest, HistoryKind.Rejected, rejection.Event, state, null, rejection.Actor, rejection.Reason, rejection.Params, rejection.At,
            rejection.Detail);
    }

    private static HistoryEntry Draft(
        string digest, HistoryKind kind, string eventName, string? from, string? to, string actor,
        string? reason, IReadOnlyDictionary<string, string> parameters, DateTimeOffset at, string? detail) =>
        new(0, digest, from, to, eventName, actor, reason, parameters, at, kind, detail, string.Empty, string.Empty);
}
