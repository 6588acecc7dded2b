using System.Security.Cryptography;
using System.Text.Json;
using Vivido.Core.Images;
using Vivido.Core.Service;
using Vivido.Core.Storage;

namespace Vivido.Core.Bundles;

/// <summary>Reads an evidence bundle and verifies all of it before returning anything.</summary>
public static class EvidenceBundleReader
{
    /// <summary>
    /// Reads the bundle in <paramref name="input"/> (at most <paramref name="maxBytes"/> bytes) and checks:
    /// only regular files at safe relative paths, none twice; a well-formed <c>manifest.json</c> of format
    /// <c>vivido-evidence-bundle/v1</c> with a well-formed digest; every listed file present with its
    /// size and SHA-256, no file unlisted; image, facts, history and index documents that read, are about
    /// the manifest's digest, with every history hash matching its entry; the index's raw documents
    /// exactly the manifest's <c>evidence/</c> files. Any failure is a <see cref="BundleFormatException"/>
    /// whose one-line message names the file.
    /// </summary>
    public static async Task<EvidenceBundle> ReadAsync(Stream input, long maxBytes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentOutOfRangeException.ThrowIfNegative(maxBytes);
        var files = await BundleArchive.ReadAsync(input, maxBytes, cancellationToken).ConfigureAwait(false);
        var manifest = ReadManifest(files);
        var listed = CheckListing(manifest, files);

        var image = BundleJson.Read<ImageDocument>(BundlePaths.Image, files[BundlePaths.Image]);
        if (image.Digest != manifest.Digest || image.Repository != manifest.Repository)
        {
            throw new BundleFormatException($"{BundlePaths.Image}: digest or repository differs from {BundlePaths.Manifest}");
        }

        BundleJson.Read<ImageFacts>(BundlePaths.Facts, files[BundlePaths.Facts]);
        var history = ReadHistory(manifest.Digest, files[BundlePaths.History]);
        var entries = ReadIndex(files, listed);
        return new EvidenceBundle(
            manifest.Digest,
            manifest.Repository,
            manifest.CreatedAt,
            entries,
            history,
            Parse(files[BundlePaths.Image]),
            Parse(files[BundlePaths.Facts]),
            Parse(files[BundlePaths.History]));
    }

    private static BundleManifest ReadManifest(Dictionary<string, byte[]> files)
    {
        const string at = BundlePaths.Manifest;
        if (!files.TryGetValue(at, out var bytes))
        {
            throw new BundleFormatException($"{at}: missing");
        }

        var manifest = BundleJson.Read<BundleManifest>(at, bytes);
        if (manifest.Format != BundleManifest.FormatName)
        {
            throw new BundleFormatException($"{at}: unsupported format '{BundleJson.OneLine(manifest.Format)}' (expected {BundleManifest.FormatName})");
        }

        if (!Names.IsDigest(manifest.Digest))
        {
            throw new BundleFormatException($"{at}: digest '{BundleJson.OneLine(manifest.Digest)}' is not sha256: followed by 64 lowercase hex digits");
        }

        if (!Names.IsRepository(manifest.Repository))
        {
            throw new BundleFormatException($"{at}: repository '{BundleJson.OneLine(manifest.Repository)}' is not a repository name");
        }

        return manifest;
    }

    /// <summary>Every listed file present with its size and hash, nothing unlisted, the four documents there.</summary>
    private static Dictionary<string, ManifestFile> CheckListing(BundleManifest manifest, Dictionary<string, byte[]> files)
    {
        var listed = new Dictionary<string, ManifestFile>(StringComparer.Ordinal);
        foreach (var file in manifest.Files)
        {
            if (!BundlePaths.IsSafe(file.Path) || file.Path == BundlePaths.Manifest)
            {
                throw new BundleFormatException($"{BundlePaths.Manifest}: lists an invalid path '{BundleJson.OneLine(file.Path)}'");
            }

            if (!listed.TryAdd(file.Path, file))
            {
                throw new BundleFormatException($"{file.Path}: listed twice in {BundlePaths.Manifest}");
            }
        }

        foreach (var path in files.Keys.Where(p => p != BundlePaths.Manifest && !listed.ContainsKey(p)).Order(StringComparer.Ordinal))
        {
            throw new BundleFormatException($"{path}: not listed in {BundlePaths.Manifest}");
        }

        foreach (var file in manifest.Files)
        {
            if (!files.TryGetValue(file.Path, out var bytes))
            {
                throw new BundleFormatException($"{file.Path}: missing");
            }

            if (bytes.LongLength != file.Size)
            {
                throw new BundleFormatException($"{file.Path}: size mismatch ({bytes.LongLength} bytes, {BundlePaths.Manifest} says {file.Size})");
            }

            if (Convert.ToHexStringLower(SHA256.HashData(bytes)) != file.Sha256)
            {
                throw new BundleFormatException($"{file.Path}: sha256 mismatch");
            }
        }

        foreach (var required in BundlePaths.Required.Where(r => !listed.ContainsKey(r)))
        {
            throw new BundleFormatException($"{required}: missing");
        }

        return listed;
    }

    private static List<HistoryEntry> ReadHistory(string digest, byte[] bytes)
    {
        const string at = BundlePaths.History;
        var history = BundleJson.Read<List<HistoryEntry>>(at, bytes);
        long previous = 0;
        foreach (var entry in history)
        {
            if (entry.Digest != digest)
            {
                throw new BundleFormatException($"{at}: entry {entry.Seq} is about another digest");
            }

            if (entry.Seq <= previous)
            {
                throw new BundleFormatException($"{at}: entry {entry.Seq} is out of seq order");
            }

            if (HistoryChain.ComputeHash(entry) != entry.Hash)
            {
                throw new BundleFormatException($"{at}: entry {entry.Seq}: hash mismatch");
            }

            previous = entry.Seq;
        }

        return history;
    }

    /// <summary>The index's entries with their raw documents; its raw paths and the manifest's <c>evidence/</c> files are the same set.</summary>
    private static List<BundleEntry> ReadIndex(Dictionary<string, byte[]> files, Dictionary<string, ManifestFile> listed)
    {
        const string at = BundlePaths.Index;
        var index = BundleJson.Read<List<IndexEntry>>(at, files[at]);
        var ids = new HashSet<long>();
        var referenced = new HashSet<string>(StringComparer.Ordinal);
        var entries = new List<BundleEntry>(index.Count);
        foreach (var item in index)
        {
            if (!ids.Add(item.Id))
            {
                throw new BundleFormatException($"{at}: evidence {item.Id} is listed twice");
            }

            EvidenceKind kind;
            try
            {
                kind = StorageNames.ParseEvidenceKind(item.Kind);
                BundleJson.ReadFact(kind, item.Fact);
            }
            catch (Exception ex) when (ex is FormatException or JsonException or InvalidOperationException)
            {
                throw new BundleFormatException($"{at}: evidence {item.Id}: {BundleJson.OneLine(ex.Message)}", ex);
            }

            entries.Add(new BundleEntry(item.Id, kind, item.MediaType, item.Actor, item.At, item.Fact, RawOf(item, kind, files, listed, referenced)));
        }

        var unreferenced = listed.Keys
            .Where(p => p.StartsWith(BundlePaths.EvidenceFolder, StringComparison.Ordinal) && p != at && !referenced.Contains(p))
            .Order(StringComparer.Ordinal)
            .FirstOrDefault();
        return unreferenced is null ? entries : throw new BundleFormatException($"{unreferenced}: not in {at}");
    }

    private static byte[]? RawOf(IndexEntry item, EvidenceKind kind, Dictionary<string, byte[]> files, Dictionary<string, ManifestFile> listed, HashSet<string> referenced)
    {
        const string at = BundlePaths.Index;
        if (item.Path is null != item.Sha256 is null)
        {
            throw new BundleFormatException($"{at}: evidence {item.Id}: path and sha256 must both be set or both be null");
        }

        if (item.Path is null)
        {
            return null;
        }

        if (!BundlePaths.IsRaw(item.Path, item.Id, kind))
        {
            throw new BundleFormatException($"{at}: evidence {item.Id}: path '{BundleJson.OneLine(item.Path)}' is not {BundlePaths.RawPrefix(item.Id, kind)}<ext>");
        }

        if (!listed.TryGetValue(item.Path, out var file))
        {
            throw new BundleFormatException($"{item.Path}: in {at} but not in {BundlePaths.Manifest}");
        }

        if (file.Sha256 != item.Sha256)
        {
            throw new BundleFormatException($"{item.Path}: sha256 in {at} differs from {BundlePaths.Manifest}");
        }

        referenced.Add(item.Path);
        return files[item.Path];
    }

    private static JsonElement Parse(byte[] bytes)
    {
        using var document = JsonDocument.Parse(bytes);
        return document.RootElement.Clone();
    }
}
