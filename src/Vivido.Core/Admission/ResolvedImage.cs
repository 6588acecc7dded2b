namespace Vivido.Core.Admission;

/// <summary>A container image looked up in Vivido.</summary>
/// <param name="Image">The image from the review.</param>
/// <param name="Digest">The digest it runs: as written, or the tag's digest; null when unresolved.</param>
/// <param name="State">The digest's lifecycle state, or null when unknown.</param>
/// <param name="Problem">Why it could not be resolved, e.g. "not registered in Vivido"; null when resolved.</param>
public sealed record ResolvedImage(ContainerImage Image, string? Digest, string? State, string? Problem);
