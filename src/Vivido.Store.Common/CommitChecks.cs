using System.Diagnostics.CodeAnalysis;
using Vivido.Core.Storage;

namespace Vivido.Store.Common;

/// <summary>
/// The store-neutral decisions of <see cref="ITransitionStore.CommitTransitionAsync"/>, taken on what a
/// store read under its write lock: the compare-and-swap precondition, the override confirmation and
/// the result.
/// </summary>
public static class CommitChecks
{
    /// <summary>
    /// True when the commit may go on: the image exists at the expected version. Otherwise
    /// <paramref name="conflict"/> is the <see cref="VersionConflict"/> to return. <see cref="ArgumentException"/>
    /// when the commit's <c>From</c> is not the stored state at that version (a caller bug).
    /// </summary>
    public static bool Precondition(TransitionCommit commit, [NotNullWhen(true)] StoredImage? stored, [NotNullWhen(false)] out VersionConflict? conflict)
    {
        ArgumentNullException.ThrowIfNull(commit);
        if (stored is null || stored.Image.Version != commit.ExpectedVersion)
        {
            conflict = new VersionConflict(commit.Digest, commit.ExpectedVersion, stored?.Image.Version);
            return false;
        }

        if (stored.Image.State != commit.From)
        {
            throw new ArgumentException($"commit says from {commit.From} but {commit.Digest} is {stored.Image.State} at that version", nameof(commit));
        }

        conflict = null;
        return true;
    }

    /// <summary>
    /// An <see cref="OverrideNotPending"/> unless the override the commit confirms is pending on the
    /// commit's digest; <paramref name="status"/> and <paramref name="overrideDigest"/> are null when there is no such override.
    /// </summary>
    public static OverrideNotPending? Confirmation(TransitionCommit commit, long overrideId, OverrideStatus? status, string? overrideDigest)
    {
        ArgumentNullException.ThrowIfNull(commit);
        return status == OverrideStatus.Pending && overrideDigest == commit.Digest ? null : new OverrideNotPending(overrideId, status);
    }

    /// <summary>The result of a written commit: the image in its new state, one version on.</summary>
    public static Committed Committed(TransitionCommit commit, StoredImage stored, HistoryEntry entry, IReadOnlyList<HistoryEntry> effectEntries)
    {
        ArgumentNullException.ThrowIfNull(commit);
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(entry);
        var image = stored.Image with { State = commit.To, Version = commit.ExpectedVersion + 1, EnteredStateAt = entry.At };
        return new Committed(entry, image, effectEntries);
    }
}
