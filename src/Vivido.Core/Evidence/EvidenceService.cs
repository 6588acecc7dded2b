using System.Text;
using Vivido.Core.Engine;
using Vivido.Core.Lifecycles;
using Vivido.Core.Service;
using Vivido.Core.Storage;
using Vivido.Evidence;

using Vivido.Core.Observability;

namespace Vivido.Core.Evidence;

/// <summary>
/// Ingests scan reports, SBOMs and attestations: reads the document, checks it is about the image,
/// stores the fact with the raw document, and lets a critical finding move state
/// (<see cref="EvidencePolicy.OnCritical"/>).
/// </summary>
public sealed class EvidenceService
{
    private readonly IVividoStore _store;
    private readonly TransitionRunner _runner;
    private readonly TimeProvider _time;
    private readonly EvidenceReaderOptions _limits;

    public EvidenceService(IVividoStore store, Lifecycle lifecycle, TimeProvider time, EvidenceReaderOptions? limits = null, ITransitionObserver? observer = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(lifecycle);
        ArgumentNullException.ThrowIfNull(time);
        _store = store;
        _runner = new TransitionRunner(store, lifecycle, time, observer);
        _time = time;
        _limits = limits ?? EvidenceReaderOptions.Default;
    }

    /// <summary>The largest document accepted, in bytes.</summary>
    public long MaxDocumentBytes => _limits.MaxBytes;

    private Lifecycle Lifecycle => _runner.Lifecycle;

    /// <summary>
    /// Reads <paramref name="document"/>, refuses it when it is unreadable (400), too large (413), of the
    /// wrong kind for <paramref name="channel"/> (400) or about other digests (409); otherwise stores it
    /// and, for a scan with a critical finding, fires the lifecycle's <c>on_critical</c> event.
    /// Nothing is stored when it is refused.
    /// </summary>
    public Task<ServiceResult<IngestOutcome>> IngestAsync(
        Caller caller, string? digest, EvidenceChannel channel, ReadOnlyMemory<byte> document, string? mediaType, CancellationToken cancellationToken = default) =>
        IngestAsync(caller, digest, channel, document, mediaType, applyLifecycle: true, cancellationToken);

    /// <summary>As above; without <paramref name="applyLifecycle"/> a critical finding fires nothing (bundle imports carry evidence, not decisions).</summary>
    internal async Task<ServiceResult<IngestOutcome>> IngestAsync(
        Caller caller, string? digest, EvidenceChannel channel, ReadOnlyMemory<byte> document, string? mediaType, bool applyLifecycle, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var image = await ImageAccess.LoadAsync(_store, caller, digest, cancellationToken).ConfigureAwait(false);
        if (!image.Succeeded)
        {
            return image.Failure;
        }

        if (document.Length > _limits.MaxBytes)
        {
            return new DocumentTooLarge($"the document is {document.Length} bytes; the limit is {_limits.MaxBytes}", _limits.MaxBytes);
        }

        EvidenceDocument read;
        try
        {
            read = EvidenceReader.Read(document, _limits);
        }
        catch (EvidenceFormatException e)
        {
            return new InvalidInput("document", e.Message);
        }

        if (Refuse(channel, read) is { } wrongKind)
        {
            return wrongKind;
        }

        if (read.Subjects.Count > 0 && !read.Subjects.Contains(digest!, StringComparer.Ordinal))
        {
            return new EvidenceSubjectMismatch(
                $"the document is about {string.Join(", ", read.Subjects.Take(3))}, not {digest}", digest!, read.Subjects);
        }

        var raw = Encoding.UTF8.GetString(document.Span);
        var attachment = Attachment(digest!, channel, read, raw, mediaType ?? "application/json", caller.Name, _time.GetUtcNow());
        var stored = await _store.AttachEvidenceAsync(attachment, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return ImageAccess.NotFound(digest!);
        }

        var transition = applyLifecycle && attachment.Fact is Images.ScanFact { Critical: > 0 } scan
            ? await CriticalScanHook.FireAsync(_runner, caller, digest!, scan, CriticalIds(read), stored.Id, cancellationToken).ConfigureAwait(false)
            : null;
        return new IngestOutcome(stored, EvidenceFacts.FormatName(read.Format), transition);
    }

    /// <summary>The image's evidence, oldest first, optionally of one kind.</summary>
    public async Task<ServiceResult<IReadOnlyList<EvidenceRecord>>> ListAsync(Caller caller, string? digest, EvidenceKind? kind, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var image = await ImageAccess.LoadAsync(_store, caller, digest, cancellationToken).ConfigureAwait(false);
        return image.Succeeded
            ? ServiceResult<IReadOnlyList<EvidenceRecord>>.FromValue(await _store.ListEvidenceAsync(digest!, kind, cancellationToken).ConfigureAwait(false))
            : image.Failure;
    }

    /// <summary>The raw document of evidence <paramref name="id"/> attached to <paramref name="digest"/>.</summary>
    public async Task<ServiceResult<RawEvidence>> ReadRawAsync(Caller caller, string? digest, long id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var image = await ImageAccess.LoadAsync(_store, caller, digest, cancellationToken).ConfigureAwait(false);
        if (!image.Succeeded)
        {
            return image.Failure;
        }

        var raw = await _store.ReadRawEvidenceAsync(id, cancellationToken).ConfigureAwait(false);
        return raw is not null && raw.Digest == digest
            ? raw
            : new ResourceNotFound($"image {digest} has no evidence {id} with a raw document");
    }

    private static InvalidInput? Refuse(EvidenceChannel channel, EvidenceDocument document) => (channel, document) switch
    {
        (EvidenceChannel.Scan, ScanReport) or (EvidenceChannel.Scan, SbomDocument { Scan: not null }) => null,
        (EvidenceChannel.Sbom, SbomDocument) => null,
        (EvidenceChannel.Attestation, ProvenanceDocument) => null,
        (EvidenceChannel.Scan, SbomDocument { Format: EvidenceFormat.CycloneDx }) => new("document", "the CycloneDX document has no vulnerabilities section, so it is not a scan; post it to /sboms"),
        (_, ScanReport) => new("document", $"a {EvidenceFacts.FormatName(document.Format)} report is a scan; post it to /scans"),
        (_, SbomDocument) => new("document", $"a {EvidenceFacts.FormatName(document.Format)} document is an SBOM; post it to /sboms"),
        _ => new("document", "an in-toto statement is an attestation; post it to /attestations"),
    };

    private EvidenceAttachment Attachment(string digest, EvidenceChannel channel, EvidenceDocument document, string raw, string mediaType, string actor, DateTimeOffset at) =>
        (channel, document) switch
        {
            (EvidenceChannel.Scan, ScanReport scan) => EvidenceFacts.Scan(digest, scan, Lifecycle.Evidence.Weights, raw, mediaType, actor, at),
            (EvidenceChannel.Scan, SbomDocument { Scan: { } scan }) => EvidenceFacts.Scan(digest, scan, Lifecycle.Evidence.Weights, raw, mediaType, actor, at),
            (_, SbomDocument sbom) => EvidenceFacts.Sbom(digest, sbom, raw, mediaType, actor, at),
            (_, ProvenanceDocument provenance) => EvidenceFacts.Provenance(digest, provenance, raw, mediaType, actor, at),
            _ => throw new InvalidOperationException("Refuse lets only matching documents through"),
        };

    private static List<string> CriticalIds(EvidenceDocument document) =>
        (document is SbomDocument { Scan: { } carried } ? carried : document as ScanReport)?.Vulnerabilities
            .Where(v => v.Severity == Severity.Critical).Select(v => v.Id).ToList() ?? [];
}
