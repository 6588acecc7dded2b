using Vivido.Core.Storage;

namespace Vivido.Core.Evidence;

/// <summary>What ingesting a document stored, and the transition it caused, if any.</summary>
/// <param name="Evidence">The stored evidence.</param>
/// <param name="Format">The detected format (<c>trivy</c>, <c>grype</c>, <c>cyclonedx</c>, <c>spdx</c>, <c>in-toto</c>).</param>
/// <param name="Transition">The transition fired because of it, or null.</param>
public sealed record IngestOutcome(EvidenceRecord Evidence, string Format, AutoTransition? Transition);
