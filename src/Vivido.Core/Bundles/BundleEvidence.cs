using Vivido.Core.Storage;

namespace Vivido.Core.Bundles;

/// <summary>One piece of evidence to put in a bundle: the stored record and, when one was kept, its raw document as received.</summary>
/// <param name="Record">The stored evidence.</param>
/// <param name="Raw">The raw document's bytes; null when none was kept. Its SHA-256 must match <see cref="EvidenceRecord.RawSha256"/>.</param>
public sealed record BundleEvidence(EvidenceRecord Record, byte[]? Raw);
