namespace Vivido.Evidence;

/// <summary>A document read by <see cref="EvidenceReader"/>.</summary>
/// <param name="Format">What it was detected as.</param>
/// <param name="FormatVersion">The format's own version (<c>2</c>, <c>1.6</c>, <c>SPDX-2.3</c>, <c>https://in-toto.io/Statement/v1</c>).</param>
/// <param name="Subjects">
/// The image digests (<c>sha256:…</c>, lowercase) the document says it is about: Trivy's RepoDigests,
/// Grype's manifestDigest and repoDigests, a CycloneDX or SPDX <c>pkg:oci</c> purl, in-toto subjects.
/// Empty when the document names none (then it cannot be checked against the image).
/// </param>
public abstract record EvidenceDocument(EvidenceFormat Format, string FormatVersion, IReadOnlyList<string> Subjects);
