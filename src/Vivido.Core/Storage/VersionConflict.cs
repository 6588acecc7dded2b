namespace Vivido.Core.Storage;

/// <summary>Nothing was written: the image's version is not the expected one (or the image does not exist).</summary>
/// <param name="Digest">The image.</param>
/// <param name="ExpectedVersion">The version the caller expected.</param>
/// <param name="ActualVersion">The stored version; null when the digest is not registered.</param>
public sealed record VersionConflict(string Digest, long ExpectedVersion, long? ActualVersion) : CommitResult;
