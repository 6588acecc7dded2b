using System.Security.Cryptography;
using System.Text;
using Vivido.Core.Images;
using Vivido.Core.Storage;

namespace Vivido.Store.Compliance;

public abstract partial class StoreComplianceTests
{
    [Fact]
    public async Task ReadRawEvidenceAsync_DocumentAttached_ReturnsTheSameBytesWithTheirHash()
    {
        await RegisterAsync(Digest(1));
        const string raw = "{\"SchemaVersion\":2,\"ArtifactName\":\"café ☕ 🐳\",\"Results\":[]}";
        var bytes = Encoding.UTF8.GetBytes(raw);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));

        var stored = (await Store.AttachEvidenceAsync(new EvidenceAttachment(Digest(1), Scan(T0), raw, "application/vnd.trivy+json", "scanner", T0))).ShouldNotBeNull();
        var read = (await Store.ReadRawEvidenceAsync(stored.Id)).ShouldNotBeNull();

        stored.RawSha256.ShouldBe(sha);
        stored.RawSize.ShouldBe(bytes.Length);
        read.Id.ShouldBe(stored.Id);
        read.Digest.ShouldBe(Digest(1));
        read.Kind.ShouldBe(EvidenceKind.Scan);
        read.MediaType.ShouldBe("application/vnd.trivy+json");
        read.Content.ShouldBe(bytes);
        read.Sha256.ShouldBe(sha);
    }

    [Fact]
    public async Task ReadRawEvidenceAsync_NoDocumentOrUnknownId_ReturnsNull()
    {
        await RegisterAsync(Digest(1));
        var stored = (await Store.AttachEvidenceAsync(new EvidenceAttachment(Digest(1), new SbomFact("spdx", 3, T0), null, null, "ci-bot", T0))).ShouldNotBeNull();

        (await Store.ReadRawEvidenceAsync(stored.Id)).ShouldBeNull();
        (await Store.ReadRawEvidenceAsync(stored.Id + 1000)).ShouldBeNull();
        stored.RawSha256.ShouldBeNull();
        stored.RawSize.ShouldBeNull();
    }

    [Fact]
    public async Task ReadRawEvidenceAsync_FiveMegabyteDocument_StoredCompressedAndReturnedIdentical()
    {
        await RegisterAsync(Digest(1));
        var raw = LargeReport(5 * 1024 * 1024);
        var bytes = Encoding.UTF8.GetBytes(raw);

        var stored = (await Store.AttachEvidenceAsync(new EvidenceAttachment(Digest(1), Scan(T0), raw, "application/json", "scanner", T0))).ShouldNotBeNull();
        var read = (await Store.ReadRawEvidenceAsync(stored.Id)).ShouldNotBeNull();

        read.Content.Length.ShouldBe(bytes.Length);
        read.Content.AsSpan().SequenceEqual(bytes).ShouldBeTrue();
        read.Sha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(bytes)));
        var listed = (await Store.ListEvidenceAsync(Digest(1))).ShouldHaveSingleItem();
        (listed.RawSha256, listed.RawSize).ShouldBe((read.Sha256, (long?)bytes.Length));

        // Kept compressed: the document's text is nowhere in the stored data.
        (await StorageContainsAsync("\"VulnerabilityID\": \"CVE-2026-00017\"")).ShouldBeFalse();
    }

    [Fact]
    public async Task ListEvidenceAsync_DocumentsAttached_CarryHashAndSizeButNoDocument()
    {
        await RegisterAsync(Digest(1));
        const string first = "{\"first\":1}";
        const string second = "<spdx>second</spdx>";
        await Store.AttachEvidenceAsync(new EvidenceAttachment(Digest(1), Scan(T0), first, "application/json", "scanner", T0));
        await Store.AttachEvidenceAsync(new EvidenceAttachment(Digest(1), new SbomFact("spdx", 1, T0), second, "text/xml", "ci-bot", T0.AddMinutes(1)));

        var listed = await Store.ListEvidenceAsync(Digest(1));

        listed.Select(e => (e.RawSha256, e.RawSize)).ShouldBe(
        [
            (Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(first))), (long?)first.Length),
            (Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(second))), (long?)second.Length),
        ]);
        typeof(EvidenceRecord).GetProperties().Select(p => p.PropertyType).ShouldNotContain(typeof(byte[]));
    }

    /// <summary>A scan fact at <paramref name="at"/> with no findings counted.</summary>
    protected static ScanFact Scan(DateTimeOffset at, params string[] cves) => new("trivy", 0, 0, 0, 0, 0, 9.5, cves, at);

    /// <summary>A Trivy-like report of about <paramref name="size"/> bytes, repetitive as real reports are, every line distinct.</summary>
    private static string LargeReport(int size)
    {
        var text = new StringBuilder(size + 256);
        text.Append("{\"Results\":[\n");
        for (var i = 0; text.Length < size; i++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"  {{\"VulnerabilityID\": \"CVE-2026-{i:D5}\", \"PkgName\": \"lib{i % 97}\", \"Severity\": \"HIGH\"}},\n");
        }

        text.Length = size - 3;
        text.Append("\n]}");
        return text.ToString();
    }
}
