using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Vivido.Core.Bundles;
using Vivido.Core.Lifecycles;
using Vivido.Core.Service;
using Vivido.Core.Storage;

namespace Vivido.Core.Evidence;

/// <summary>
/// Evidence bundles for auditors and air-gapped sites: export one digest's raw documents, facts,
/// history and signature as a tar with a SHA-256 manifest; import such a tar on another Vivido after
/// verifying every hash.
/// </summary>
public sealed class BundleService
{
    private const string ImportEntry = "import";

    private readonly IVividoStore _store;
    private readonly Lifecycle _lifecycle;
    private readonly EvidenceService _evidence;
    private readonly ImageService _images;
    private readonly TimeProvider _time;

    public BundleService(IVividoStore store, Lifecycle lifecycle, EvidenceService evidence, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(lifecycle);
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(time);
        _store = store;
        _lifecycle = lifecycle;
        _evidence = evidence;
        _images = new ImageService(store, lifecycle, time);
        _time = time;
    }

    /// <summary>The bundle of <paramref name="digest"/> as tar bytes.</summary>
    public async Task<ServiceResult<byte[]>> ExportAsync(Caller caller, string? digest, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var image = await ImageAccess.LoadAsync(_store, caller, digest, cancellationToken).ConfigureAwait(false);
        if (!image.Succeeded)
        {
            return image.Failure;
        }

        var snapshot = await _store.LoadSnapshotAsync(digest!, cancellationToken).ConfigureAwait(false);
        var history = await _store.ReadHistoryAsync(digest!, cancellationToken).ConfigureAwait(false);
        var evidence = new List<BundleEvidence>();
        foreach (var record in await _store.ListEvidenceAsync(digest!, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var raw = record.RawSize is null ? null : await _store.ReadRawEvidenceAsync(record.Id, cancellationToken).ConfigureAwait(false);
            evidence.Add(new BundleEvidence(record, raw?.Content));
        }

        using var output = new MemoryStream();
        var contents = new BundleContents(image.Value, snapshot?.Facts ?? Images.ImageFacts.None, history, evidence, _time.GetUtcNow());
        await EvidenceBundleWriter.WriteAsync(output, contents, cancellationToken).ConfigureAwait(false);
        return output.ToArray();
    }

    /// <summary>
    /// Verifies the bundle (every hash, size and path; 400 <c>bundle</c> otherwise, nothing written), registers
    /// the image when it is new here, then attaches each evidence entry not already attached: scans, SBOMs and
    /// provenance are read again from their raw documents (so facts follow this server's lifecycle and
    /// the subject check applies); other entries are attached as their facts. Nothing fires transitions.
    /// </summary>
    public async Task<ServiceResult<BundleImported>> ImportAsync(Caller caller, Stream bundle, long maxBytes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(bundle);
        EvidenceBundle read;
        try
        {
            read = await EvidenceBundleReader.ReadAsync(bundle, maxBytes, cancellationToken).ConfigureAwait(false);
        }
        catch (BundleFormatException e)
        {
            return new InvalidInput("bundle", e.Message);
        }

        var entry = _lifecycle.States.Any(s => s.Entry == ImportEntry) ? ImportEntry : null;
        var registered = await _images.RegisterAsync(caller, read.Repository, read.Digest, [], null, entry, cancellationToken).ConfigureAwait(false);
        if (!registered.Succeeded)
        {
            return registered.Failure;
        }

        if (registered.Value.Image.Repository != read.Repository)
        {
            return new StateConflict($"image {read.Digest} is registered here in {registered.Value.Image.Repository}, not {read.Repository}");
        }

        var existing = (await _store.ListEvidenceAsync(read.Digest, cancellationToken: cancellationToken).ConfigureAwait(false))
            .Select(e => Key(e.Kind, e.RawSha256, e.Fact)).ToHashSet(StringComparer.Ordinal);
        var (imported, skipped) = (0, 0);
        foreach (var item in read.Entries)
        {
            var sha = item.Raw is null ? null : Convert.ToHexStringLower(SHA256.HashData(item.Raw));
            if (!existing.Add(Key(item.Kind, sha, item.ToFact())))
            {
                skipped++;
                continue;
            }

            if (await AttachAsync(caller, read.Digest, item, cancellationToken).ConfigureAwait(false) is { } failure)
            {
                return failure;
            }

            imported++;
        }

        return new BundleImported(read.Digest, read.Repository, registered.Value.Created, imported, skipped);
    }

    private async Task<ServiceFailure?> AttachAsync(Caller caller, string digest, BundleEntry item, CancellationToken cancellationToken)
    {
        if (item.Raw is { } raw && Channel(item.Kind) is { } channel)
        {
            var ingested = await _evidence.IngestAsync(caller, digest, channel, raw, item.MediaType, applyLifecycle: false, cancellationToken).ConfigureAwait(false);
            return ingested.Succeeded ? null : ingested.Failure;
        }

        var text = item.Raw is null ? null : Encoding.UTF8.GetString(item.Raw);
        var stored = await _store.AttachEvidenceAsync(
            new EvidenceAttachment(digest, item.ToFact(), text, item.MediaType, caller.Name, _time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        return stored is null ? ImageAccess.NotFound(digest) : null;
    }

    private static EvidenceChannel? Channel(EvidenceKind kind) => kind switch
    {
        EvidenceKind.Scan => EvidenceChannel.Scan,
        EvidenceKind.Sbom => EvidenceChannel.Sbom,
        EvidenceKind.Provenance => EvidenceChannel.Attestation,
        _ => null,
    };

    /// <summary>What makes two entries the same: kind and raw document, or kind and fact when there is no document.</summary>
    private static string Key(EvidenceKind kind, string? rawSha256, object fact) =>
        $"{kind}:{rawSha256 ?? JsonSerializer.Serialize(fact, fact.GetType())}";
}
