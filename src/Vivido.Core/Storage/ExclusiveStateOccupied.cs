namespace Vivido.Core.Storage;

/// <summary>
/// Nothing was written: the commit would leave two images of one repository in a state the lifecycle
/// marks exclusive (e.g. two Active digests). The database enforces this with a unique index, so it
/// holds whatever code or replica writes.
/// </summary>
/// <param name="Digest">The image the commit was for.</param>
/// <param name="State">The exclusive state.</param>
/// <param name="HolderDigest">The image already in that state, when known.</param>
public sealed record ExclusiveStateOccupied(string Digest, string State, string? HolderDigest) : CommitResult;
