using System.Formats.Tar;
using System.Security.Cryptography;
using Vivido.Core.Storage;

namespace Vivido.Core.Bundles;

/// <summary>
/// Writes an evidence bundle: an uncompressed ustar archive holding <c>manifest.json</c> first, then
/// every other file in ordinal path order (<c>evidence/…</c>, <c>facts.json</c>, <c>history.json</c>,
/// <c>image.json</c>). docs/evidence-bundles.md describes the format.
/// </summary>
public static class EvidenceBundleWriter
{
    private const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    /// <summary>
    /// Writes <paramref name="contents"/> to <paramref name="output"/>. Deterministic: the same contents
    /// give the same bytes (every entry dated <see cref="BundleContents.CreatedAt"/>, mode 0644, owner 0:0,
    /// paths sorted, JSON maps sorted by key). <see cref="ArgumentException"/> when the contents disagree
    /// with themselves: evidence or history of another digest, a repeated evidence id, or a raw
    /// document whose SHA-256 is not the record's.
    /// </summary>
    public static async Task WriteAsync(Stream output, BundleContents contents, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(contents);
        var files = Files(contents);
        var manifest = new BundleManifest(
            BundleManifest.FormatName,
            contents.Image.Digest,
            contents.Image.Repository,
            contents.CreatedAt,
            [.. files.Select(f => new ManifestFile(f.Key, Convert.ToHexStringLower(SHA256.HashData(f.Value)), f.Value.LongLength))]);

        var writer = new TarWriter(output, TarEntryFormat.Ustar, leaveOpen: true);
        await using (writer.ConfigureAwait(false))
        {
            await WriteEntryAsync(writer, BundlePaths.Manifest, BundleJson.Write(manifest), contents.CreatedAt, cancellationToken).ConfigureAwait(false);
            foreach (var (path, bytes) in files)
            {
                await WriteEntryAsync(writer, path, bytes, contents.CreatedAt, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static SortedDictionary<string, byte[]> Files(BundleContents contents)
    {
        var image = contents.Image;
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal)
        {
            [BundlePaths.Image] = BundleJson.Write(new ImageDocument(
                image.Digest,
                image.Repository,
                image.State,
                image.Version,
                [.. image.Tags.Order(StringComparer.Ordinal)],
                Sorted(image.Attributes),
                image.EnteredStateAt,
                image.Vetoed,
                image.RegisteredAt)),
            [BundlePaths.Facts] = BundleJson.Write(contents.Facts),
            [BundlePaths.History] = BundleJson.Write(contents.History.Select(entry => Own(image.Digest, entry)).ToList()),
        };

        var index = new List<IndexEntry>();
        var ids = new HashSet<long>();
        foreach (var (record, raw) in contents.Evidence)
        {
            if (record.Digest != image.Digest)
            {
                throw new ArgumentException($"evidence {record.Id} is about {record.Digest}, not {image.Digest}", nameof(contents));
            }

            if (!ids.Add(record.Id))
            {
                throw new ArgumentException($"evidence {record.Id} is listed twice", nameof(contents));
            }

            string? path = null;
            string? sha256 = null;
            if (raw is not null)
            {
                sha256 = Convert.ToHexStringLower(SHA256.HashData(raw));
                if (record.RawSha256 is not null && record.RawSha256 != sha256)
                {
                    throw new ArgumentException($"evidence {record.Id}: the raw document's SHA-256 is {sha256}, the record says {record.RawSha256}", nameof(contents));
                }

                path = BundlePaths.Raw(record.Id, record.Kind, record.MediaType, raw);
                files[path] = raw;
            }

            index.Add(new IndexEntry(record.Id, record.Kind.ToName(), record.MediaType, record.Actor, record.At, BundleJson.Element(record.Fact), path, sha256));
        }

        files[BundlePaths.Index] = BundleJson.Write(index);
        return files;
    }

    private static HistoryEntry Own(string digest, HistoryEntry entry) =>
        entry.Digest == digest
            ? entry with { Params = Sorted(entry.Params) }
            : throw new ArgumentException($"history entry {entry.Seq} is about {entry.Digest}, not {digest}", nameof(entry));

    private static SortedDictionary<string, string> Sorted(IReadOnlyDictionary<string, string> map) =>
        new(map.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal), StringComparer.Ordinal);

    private static async Task WriteEntryAsync(TarWriter writer, string path, byte[] bytes, DateTimeOffset at, CancellationToken cancellationToken)
    {
        using var data = new MemoryStream(bytes, writable: false);
        var entry = new UstarTarEntry(TarEntryType.RegularFile, path)
        {
            DataStream = data,
            ModificationTime = at,
            Mode = FileMode,
            Uid = 0,
            Gid = 0,
            UserName = string.Empty,
            GroupName = string.Empty,
        };
        await writer.WriteEntryAsync(entry, cancellationToken).ConfigureAwait(false);
    }
}
