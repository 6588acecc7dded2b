using System.Diagnostics.CodeAnalysis;

namespace Vivido.Core.Admission;

/// <summary>
/// A container image reference normalised the way Docker does (distribution/reference): the registry
/// defaults to <c>docker.io</c>, one-component Docker Hub names live under <c>library/</c>, and a
/// reference with neither tag nor digest means tag <c>latest</c>.
/// </summary>
public sealed record ImageReference
{
    internal const int MaxLength = 4096;
    internal const int MaxNameLength = 255;

    internal ImageReference(string original, string registry, string path, string? tag, bool implicitTag, string? digest)
    {
        Original = original;
        Registry = registry;
        Path = path;
        Tag = tag;
        ImplicitTag = implicitTag;
        Digest = digest;
    }

    /// <summary>The reference exactly as written.</summary>
    public string Original { get; }

    /// <summary>The registry host (and port), lowercase, e.g. <c>docker.io</c>, <c>ghcr.io</c>, <c>localhost:5000</c>.</summary>
    public string Registry { get; }

    /// <summary>The repository path inside the registry, e.g. <c>library/nginx</c>.</summary>
    public string Path { get; }

    /// <summary>Vivido's repository name, <c>registry/path</c>, e.g. <c>docker.io/library/nginx</c>.</summary>
    public string Repository => $"{Registry}/{Path}";

    /// <summary>The tag; <c>latest</c> when neither tag nor digest was written; null for a digest-only reference.</summary>
    public string? Tag { get; }

    /// <summary>True when <see cref="Tag"/> is the implicit <c>latest</c>.</summary>
    public bool ImplicitTag { get; }

    /// <summary>The digest, <c>sha256:</c> and 64 lowercase hex characters, or null.</summary>
    public string? Digest { get; }

    /// <summary>True when the reference names a digest, so that the registry cannot change what it runs.</summary>
    public bool IsPinned => Digest is not null;

    /// <summary>The normalised reference as written: <c>registry/path[:tag][@digest]</c>, without an implicit tag.</summary>
    public string Canonical =>
        Repository + (Tag is null || ImplicitTag ? "" : ":" + Tag) + (Digest is null ? "" : "@" + Digest);

    /// <summary>This reference pinned to <paramref name="digest"/>: <c>registry/path[:tag]@digest</c>, keeping the tag for readability.</summary>
    /// <exception cref="ArgumentException">The digest is not <c>sha256:</c> with 64 lowercase hex characters.</exception>
    public string PinnedTo(string digest)
    {
        ArgumentNullException.ThrowIfNull(digest);
        if (ReferenceGrammar.DigestError(digest) is { } error)
        {
            throw new ArgumentException(error, nameof(digest));
        }

        return Repository + (Tag is null ? "" : ":" + Tag) + "@" + digest;
    }

    /// <summary>Parses and normalises <paramref name="text"/>; on failure <paramref name="error"/> is one line naming the problem.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out ImageReference? reference, [NotNullWhen(false)] out string? error)
    {
        reference = ImageReferenceParser.Parse(text ?? "", out error);
        return error is null;
    }

    /// <inheritdoc />
    public override string ToString() => Canonical;
}
