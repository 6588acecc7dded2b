using System.Formats.Tar;
using System.Text.Json;
using Vivido.Core.Bundles;
using Vivido.Core.Images;
using Vivido.Core.Storage;
using static Vivido.Core.Tests.Bundles.BundleSamples;

namespace Vivido.Core.Tests.Bundles;

public sealed class EvidenceBundleWriterTests
{
    [Fact]
    public async Task WriteAsync_ThenRead_RoundTripsEveryPart()
    {
        var contents = Contents();

        var bundle = await ReadAsync(await WriteAsync(contents));

        bundle.Digest.ShouldBe(Digest);
        bundle.Repository.ShouldBe(Repository);
        bundle.CreatedAt.ShouldBe(contents.CreatedAt);
        bundle.Entries.Select(e => (e.Id, e.Kind, e.MediaType)).ShouldBe(
            [(3, EvidenceKind.Scan, "application/json"), (5, EvidenceKind.Sbom, "application/vnd.cyclonedx+json"), (6, EvidenceKind.Signature, (string?)null)]);
        bundle.Entries[0].Raw.ShouldBe(TrivyReport);
        bundle.Entries[1].Raw.ShouldBe(CycloneDx);
        bundle.Entries[2].Raw.ShouldBeNull();
        bundle.Entries[0].Actor.ShouldBe("scanner");
        bundle.Entries[0].At.ShouldBe(T0.AddMinutes(3));
        var scan = bundle.Entries[0].ToFact().ShouldBeOfType<ScanFact>();
        (scan.Scanner, scan.Critical, scan.Score, scan.Cves.Single()).ShouldBe(("trivy", 1, 4.5, "CVE-2019-14697"));
        bundle.Entries[2].ToFact().ShouldBeOfType<SignatureFact>().Reason.ShouldBe("no-signature");
        bundle.Entries[0].Fact.GetProperty("critical").GetInt32().ShouldBe(1);
        bundle.History.Select(h => (h.Seq, h.Hash)).ShouldBe(contents.History.Select(h => (h.Seq, h.Hash)));
        bundle.History[1].Params["source"].ShouldBe("trivy");
        bundle.ImageJson.GetProperty("state").GetString().ShouldBe("Failed");
        bundle.ImageJson.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).ShouldBe(["latest", "v1"]);
        bundle.FactsJson.GetProperty("scan").GetProperty("score").GetDouble().ShouldBe(4.5);
        bundle.FactsJson.GetProperty("approvals")[0].GetProperty("role").GetString().ShouldBe("release-manager");
        bundle.HistoryJson.GetArrayLength().ShouldBe(2);
    }

    [Fact]
    public async Task WriteAsync_SameContents_SameBytes()
    {
        var contents = Contents();
        var reordered = contents with
        {
            Image = contents.Image with { Attributes = new Dictionary<string, string> { ["arch"] = "amd64", ["os"] = "linux" }, Tags = ["latest", "v1"] },
        };

        var first = await WriteAsync(contents);
        var second = await WriteAsync(contents);
        var third = await WriteAsync(reordered);

        second.ShouldBe(first);
        third.ShouldBe(first);
    }

    [Fact]
    public async Task WriteAsync_Entries_ManifestFirstThenSortedWithFixedTimesModesAndOwners()
    {
        var contents = Contents();

        var bytes = await WriteAsync(contents);

        using var reader = new TarReader(new MemoryStream(bytes));
        var names = new List<string>();
        while (reader.GetNextEntry() is { } entry)
        {
            names.Add(entry.Name);
            entry.Format.ShouldBe(TarEntryFormat.Ustar);
            entry.EntryType.ShouldBe(TarEntryType.RegularFile);
            entry.ModificationTime.ShouldBe(contents.CreatedAt);
            entry.Mode.ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            (entry.Uid, entry.Gid).ShouldBe((0, 0));
        }

        names.ShouldBe(["manifest.json", "evidence/3-scan.json", "evidence/5-sbom.json", "evidence/index.json", "facts.json", "history.json", "image.json"]);
    }

    [Fact]
    public async Task WriteAsync_Manifest_ListsEveryOtherFileWithItsHashAndSize()
    {
        var entries = Entries(await WriteAsync(Contents()));

        using var manifest = JsonDocument.Parse(entries[0].Data);
        var root = manifest.RootElement;
        root.GetProperty("format").GetString().ShouldBe("vivido-evidence-bundle/v1");
        root.GetProperty("digest").GetString().ShouldBe(Digest);
        root.GetProperty("repository").GetString().ShouldBe(Repository);
        var listed = root.GetProperty("files").EnumerateArray()
            .Select(f => (f.GetProperty("path").GetString(), f.GetProperty("sha256").GetString(), f.GetProperty("size").GetInt64()))
            .ToList();
        listed.ShouldBe(entries.Skip(1).Select(e => ((string?)e.Name, (string?)Sha256(e.Data), e.Data.LongLength)));
    }

    [Fact]
    public async Task WriteAsync_Index_NamesEachRawDocumentOrNull()
    {
        var entries = Entries(await WriteAsync(Contents()));

        using var index = JsonDocument.Parse(entries.Single(e => e.Name == "evidence/index.json").Data);
        var items = index.RootElement.EnumerateArray().ToList();
        items.Select(i => i.GetProperty("path").GetString()).ShouldBe(["evidence/3-scan.json", "evidence/5-sbom.json", null]);
        items[0].GetProperty("sha256").GetString().ShouldBe(Sha256(TrivyReport));
        items[0].GetProperty("kind").GetString().ShouldBe("scan");
        items[2].GetProperty("sha256").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task WriteAsync_RawNotMatchingItsRecord_ThrowsNamingTheEvidence()
    {
        var contents = Contents();
        var tampered = contents with { Evidence = [contents.Evidence[0] with { Raw = CycloneDx }] };

        var error = await Should.ThrowAsync<ArgumentException>(() => WriteAsync(tampered));

        error.Message.ShouldStartWith("evidence 3: the raw document's SHA-256");
    }

    [Fact]
    public async Task WriteAsync_EvidenceOfAnotherDigest_Throws()
    {
        var contents = Contents();
        var other = contents.Evidence[2] with { Record = contents.Evidence[2].Record with { Digest = "sha256:" + new string('f', 64) } };

        var error = await Should.ThrowAsync<ArgumentException>(() => WriteAsync(contents with { Evidence = [other] }));

        error.Message.ShouldStartWith("evidence 6 is about sha256:ffff");
    }

    [Fact]
    public async Task WriteAsync_SameEvidenceTwice_Throws()
    {
        var contents = Contents();

        var error = await Should.ThrowAsync<ArgumentException>(() => WriteAsync(contents with { Evidence = [contents.Evidence[2], contents.Evidence[2]] }));

        error.Message.ShouldStartWith("evidence 6 is listed twice");
    }

    [Fact]
    public async Task WriteAsync_NoEvidenceNoHistory_ReadsBackEmpty()
    {
        var contents = Contents() with { Evidence = [], History = [], Facts = ImageFacts.None };

        var bundle = await ReadAsync(await WriteAsync(contents));

        bundle.Entries.ShouldBeEmpty();
        bundle.History.ShouldBeEmpty();
        bundle.FactsJson.GetProperty("scan").ValueKind.ShouldBe(JsonValueKind.Null);
    }
}
