namespace Vivido.Evidence;

/// <summary>A normalised in-toto statement carrying SLSA provenance.</summary>
/// <param name="Format">What it was detected as (see <see cref="EvidenceDocument"/>).</param>
/// <param name="FormatVersion">The format's own version (see <see cref="EvidenceDocument"/>).</param>
/// <param name="Subjects">The image digests it is about (see <see cref="EvidenceDocument"/>).</param>
/// <param name="PredicateType">E.g. <c>https://slsa.dev/provenance/v0.2</c> or <c>https://slsa.dev/provenance/v1</c>.</param>
/// <param name="Builder">builder.id (v0.2) or runDetails.builder.id (v1).</param>
/// <param name="BuildType">buildType (v0.2) or buildDefinition.buildType (v1).</param>
/// <param name="SourceRepo">
/// The source repository URI without the <c>git+</c> prefix and ref (<c>https://github.com/org/repo</c>):
/// v0.2 invocation.configSource.uri, else the first git material; v1 the workflow repository in
/// externalParameters, else the first git resolvedDependency. Null when the statement names none.
/// </param>
/// <param name="SourceRevision">The source commit (sha1 digest of that source), when given.</param>
/// <param name="Envelope">How it arrived.</param>
/// <param name="Signatures">The number of signatures on the envelope (0 for a bare statement). They are not verified here.</param>
public sealed record ProvenanceDocument(
    EvidenceFormat Format,
    string FormatVersion,
    IReadOnlyList<string> Subjects,
    string PredicateType,
    string Builder,
    string? BuildType,
    string? SourceRepo,
    string? SourceRevision,
    Envelope Envelope,
    int Signatures) : EvidenceDocument(Format, FormatVersion, Subjects);
