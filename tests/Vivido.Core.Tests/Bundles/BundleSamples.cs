using System.Formats.Tar;
using System.Security.Cryptography;
using System.Text;
using Vivido.Core.Bundles;
using Vivido.Core.Images;
using Vivido.Core.Storage;
using Vivido.Testing;

namespace Vivido.Core.Tests.Bundles;

/// <summary>Bundle contents built from real fixtures, and a way to rewrite a bundle's tar entries to tamper with it.</summary>
internal static class BundleSamples
{
    public const string Digest = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    public const string Repository = "registry.example.com/team/payment-api";
    public static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static byte[] TrivyReport { get; } = File.ReadAllBytes(TestPaths.Fixture("trivy", "trivy-alpine-3.9.4-critical.json"));

    public static byte[] CycloneDx { get; } = File.ReadAllBytes(TestPaths.Fixture("cyclonedx", "trivy-0.39-cdx-1.4-oci-image-by-digest.json"));

    public static BundleContents Contents()
    {
        var scan = new ScanFact("trivy", 1, 2, 3, 0, 0, 4.5, ["CVE-2019-14697"], T0.AddMinutes(1));
        var sbom = new SbomFact("cyclonedx", 12, T0.AddMinutes(2));
        var signature = new SignatureFact(false, Repository, T0.AddMinutes(3), [], "no-signature");
        var image = new ImageRecord(
            Digest, Repository, "Failed", 2, T0.AddMinutes(4), ["v1", "latest"],
            new Dictionary<string, string> { ["os"] = "linux", ["arch"] = "amd64" }, false, T0);
        var register = HistoryChain.Seal(new HistoryEntry(
            7, Digest, null, "Building", "register", "ci", null, new Dictionary<string, string>(), T0, HistoryKind.Accepted, null, HistoryChain.GenesisHash, string.Empty));
        var failed = HistoryChain.Seal(new HistoryEntry(
            9, Digest, "Building", "Failed", "scan_failed", "scanner", "critical CVE",
            new Dictionary<string, string> { ["source"] = "trivy", ["attempt"] = "1" }, T0.AddMinutes(4), HistoryKind.Accepted, null, new string('a', 64), string.Empty));
        return new BundleContents(
            image,
            new ImageFacts(scan, sbom, signature, null, [], [new ApprovalFact("alice", "release-manager", null, T0)], []),
            [register, failed],
            [
                new BundleEvidence(Record(3, EvidenceKind.Scan, scan, TrivyReport, "application/json"), TrivyReport),
                new BundleEvidence(Record(5, EvidenceKind.Sbom, sbom, CycloneDx, "application/vnd.cyclonedx+json"), CycloneDx),
                new BundleEvidence(Record(6, EvidenceKind.Signature, signature, null, null), null),
            ],
            T0.AddHours(1));
    }

    public static EvidenceRecord Record(long id, EvidenceKind kind, object fact, byte[]? raw, string? mediaType) =>
        new(id, Digest, kind, fact, raw is null ? null : Sha256(raw), raw?.LongLength, mediaType, "scanner", T0.AddMinutes(id));

    public static async Task<byte[]> WriteAsync(BundleContents contents)
    {
        using var output = new MemoryStream();
        await EvidenceBundleWriter.WriteAsync(output, contents);
        return output.ToArray();
    }

    public static Task<EvidenceBundle> ReadAsync(byte[] bundle, long maxBytes = 10_000_000) =>
        EvidenceBundleReader.ReadAsync(new MemoryStream(bundle), maxBytes);

    /// <summary>The regular files of a tar, in order.</summary>
    public static List<(string Name, byte[] Data)> Entries(byte[] bundle)
    {
        var entries = new List<(string, byte[])>();
        using var reader = new TarReader(new MemoryStream(bundle));
        while (reader.GetNextEntry(copyData: true) is { } entry)
        {
            using var data = new MemoryStream();
            entry.DataStream?.CopyTo(data);
            entries.Add((entry.Name, data.ToArray()));
        }

        return entries;
    }

    /// <summary>A tar of the given regular files, plus any extra (possibly hostile) entries.</summary>
    public static byte[] Tar(IEnumerable<(string Name, byte[] Data)> files, params TarEntry[] extra)
    {
        using var output = new MemoryStream();
        using (var writer = new TarWriter(output, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var (name, data) in files)
            {
                writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(data) });
            }

            foreach (var entry in extra)
            {
                writer.WriteEntry(entry);
            }
        }

        return output.ToArray();
    }

    /// <summary>The bundle with <paramref name="path"/>'s content replaced and, when <paramref name="relist"/>, the manifest updated to match.</summary>
    public static byte[] Replace(byte[] bundle, string path, Func<byte[], byte[]> change, bool relist)
    {
        var entries = Entries(bundle);
        var index = entries.FindIndex(e => e.Name == path);
        index.ShouldBeGreaterThanOrEqualTo(0, path);
        var replaced = change(entries[index].Data);
        entries[index] = (path, replaced);
        if (relist)
        {
            var manifest = entries.FindIndex(e => e.Name == "manifest.json");
            var text = Encoding.UTF8.GetString(entries[manifest].Data);
            var old = Sha256(Entries(bundle)[index].Data);
            text = text.Replace(old, Sha256(replaced), StringComparison.Ordinal)
                .Replace($"\"size\": {Entries(bundle)[index].Data.Length}", $"\"size\": {replaced.Length}", StringComparison.Ordinal);
            entries[manifest] = ("manifest.json", Encoding.UTF8.GetBytes(text));
        }

        return Tar(entries);
    }

    /// <summary>As <see cref="Replace"/>, replacing text that must occur in the file.</summary>
    public static byte[] ReplaceText(byte[] bundle, string path, string from, string to, bool relist) =>
        Replace(
            bundle,
            path,
            data =>
            {
                var text = Encoding.UTF8.GetString(data);
                text.ShouldContain(from);
                return Encoding.UTF8.GetBytes(text.Replace(from, to, StringComparison.Ordinal));
            },
            relist);

    public static string Sha256(byte[] data) => Convert.ToHexStringLower(SHA256.HashData(data));
}
