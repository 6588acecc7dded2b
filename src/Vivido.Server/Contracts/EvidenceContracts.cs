using Vivido.Core.Evidence;
using Vivido.Core.Images;
using Vivido.Core.Storage;

namespace Vivido.Server.Contracts;

// Evidence documents; docs/evidence.md shows each one.

/// <summary>Stored evidence: <c>{id, digest, kind, format, fact, rawSha256, rawSize, mediaType, actor, at}</c>.</summary>
internal sealed record EvidenceDto(
    long Id, string Digest, string Kind, string? Format, object Fact, string? RawSha256, long? RawSize, string? MediaType, string Actor, DateTimeOffset At);

/// <summary>What an ingest stored and the transition it caused.</summary>
internal sealed record IngestDto(EvidenceDto Evidence, AutoTransitionDto? Transition);

/// <summary>A transition fired by evidence.</summary>
internal sealed record AutoTransitionDto(string Event, bool Accepted, string From, string To, string Reason, string? Refusal, IReadOnlyList<string> Unmet);

/// <summary>One image a CVE query found.</summary>
internal sealed record VulnerableImageDto(
    string Digest, string Repository, string State, IReadOnlyList<VulnerabilityFinding> Findings, IReadOnlyList<DeploymentFact> Deployments);

/// <summary><c>GET /vulnerabilities/{id}/images</c>.</summary>
internal sealed record VulnerabilityImagesDto(string Vulnerability, IReadOnlyList<VulnerableImageDto> Images);

/// <summary><c>GET /images/{digest}/vulnerabilities</c>.</summary>
internal sealed record ImageVulnerabilitiesDto(string Digest, IReadOnlyList<ImageVulnerability> Items);

/// <summary>A package as an SBOM lists it.</summary>
internal sealed record PackageDto(string Name, string? Version, string? Purl);

/// <summary>One image a package query found.</summary>
internal sealed record PackageImageDto(string Digest, string Repository, string State, PackageDto Package);

/// <summary><c>GET /packages?purl=</c>.</summary>
internal sealed record PackageImagesDto(string Purl, IReadOnlyList<PackageImageDto> Images);

/// <summary>Time to patch of one vulnerability in one repository.</summary>
internal sealed record PatchTimeDto(
    string Repository, string Vulnerability, DateTimeOffset FirstSeenActive, string ExposedDigest, DateTimeOffset? PatchedAt, string? PatchedBy, double Seconds, bool Open);

/// <summary><c>GET /time-to-patch</c>.</summary>
internal sealed record PatchTimeSummaryDto(
    string? Repository, int Patched, int Open, double? MeanSeconds, double? MedianSeconds, double? P90Seconds, IReadOnlyList<PatchTimeDto> Items);

/// <summary><c>GET /images/{digest}/time-to-patch</c>.</summary>
internal sealed record ImagePatchTimesDto(string Digest, IReadOnlyList<PatchTimeDto> Items);

/// <summary>Maps evidence results to their documents.</summary>
internal static class EvidenceMapping
{
    public static EvidenceDto ToDto(this EvidenceRecord record, string? format = null) => new(
        record.Id, record.Digest, record.Kind.ToString().ToLowerInvariant(), format ?? FormatOf(record.Fact), record.Fact,
        record.RawSha256, record.RawSize, record.MediaType, record.Actor, record.At);

    public static IngestDto ToDto(this IngestOutcome outcome) => new(
        outcome.Evidence.ToDto(outcome.Format),
        outcome.Transition is { } t ? new AutoTransitionDto(t.Event, t.Accepted, t.From, t.To, t.Reason, t.Refusal, t.UnmetGuards) : null);

    public static VulnerableImageDto ToDto(this ExposedImage exposed) => new(
        exposed.Image.Digest, exposed.Image.Repository, exposed.Image.State, exposed.Findings, exposed.Deployments);

    public static PackageImageDto ToDto(this PackageMatch match) => new(
        match.Image.Digest, match.Image.Repository, match.Image.State, new PackageDto(match.Package.Name, match.Package.Version, match.Package.Purl));

    public static PatchTimeDto ToDto(this PatchTime p) => new(
        p.Repository, p.Vulnerability, p.FirstSeenActive, p.ExposedDigest, p.PatchedAt, p.PatchedBy, p.Seconds, p.Open);

    public static PatchTimeSummaryDto ToDto(this PatchTimeSummary s) => new(
        s.Repository, s.Patched, s.Open, s.MeanSeconds, s.MedianSeconds, s.P90Seconds, s.Items.Select(ToDto).ToList());

    private static string? FormatOf(object fact) => fact switch
    {
        ScanFact scan => scan.Format,
        SbomFact sbom => sbom.Format,
        ProvenanceFact => "in-toto",
        _ => null,
    };
}
