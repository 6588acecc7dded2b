using System.Formats.Tar;
using System.Text;
using Vivido.Core.Bundles;
using static Vivido.Core.Tests.Bundles.BundleSamples;

namespace Vivido.Core.Tests.Bundles;

/// <summary>Every way a bundle can be damaged or forged is refused with one line naming the file.</summary>
public sealed class EvidenceBundleReaderTests
{
    private static async Task<string> RefusedAsync(byte[] bundle, long maxBytes = 10_000_000)
    {
        var error = await Should.ThrowAsync<BundleFormatException>(() => ReadAsync(bundle, maxBytes));
        error.Message.ShouldNotContain("\n");
        return error.Message;
    }

    private static Task<byte[]> ValidAsync() => WriteAsync(Contents());

    [Fact]
    public async Task ReadAsync_ChangedByteInRawDocument_RefusesWithShaMismatch()
    {
        var bundle = Replace(await ValidAsync(), "evidence/3-scan.json", data => [.. data[..100], (byte)(data[100] ^ 1), .. data[101..]], relist: false);

        (await RefusedAsync(bundle)).ShouldBe("evidence/3-scan.json: sha256 mismatch");
    }

    [Fact]
    public async Task ReadAsync_ChangedIndex_RefusesWithShaMismatch()
    {
        var bundle = ReplaceText(await ValidAsync(), "evidence/index.json", "\"scanner\"", "\"mallory\"", relist: false);

        (await RefusedAsync(bundle)).ShouldBe("evidence/index.json: sha256 mismatch");
    }

    [Fact]
    public async Task ReadAsync_ChangedSizeInManifest_RefusesNamingTheFile()
    {
        var valid = await ValidAsync();
        var size = Entries(valid).Single(e => e.Name == "facts.json").Data.Length;
        var bundle = ReplaceText(valid, "manifest.json", $"\"size\": {size}", $"\"size\": {size + 1}", relist: false);

        (await RefusedAsync(bundle)).ShouldBe($"facts.json: size mismatch ({size} bytes, manifest.json says {size + 1})");
    }

    [Fact]
    public async Task ReadAsync_ChangedHashInManifest_RefusesNamingTheFile()
    {
        var sha = Sha256(TrivyReport);
        var bundle = ReplaceText(await ValidAsync(), "manifest.json", sha, new string('0', 64), relist: false);

        (await RefusedAsync(bundle)).ShouldBe("evidence/3-scan.json: sha256 mismatch");
    }

    [Theory]
    [InlineData("\"format\": \"vivido-evidence-bundle/v1\"", "\"format\": \"vivido-evidence-bundle/v2\"", "manifest.json: unsupported format 'vivido-evidence-bundle/v2' (expected vivido-evidence-bundle/v1)")]
    [InlineData("\"digest\": \"sha256:0123", "\"digest\": \"sha256:XY23", "manifest.json: digest 'sha256:XY23456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef' is not sha256: followed by 64 lowercase hex digits")]
    [InlineData("\"path\": \"facts.json\"", "\"path\": \"../facts.json\"", "manifest.json: lists an invalid path '../facts.json'")]
    public async Task ReadAsync_BadManifestField_RefusesNamingTheField(string from, string to, string expected)
    {
        var bundle = ReplaceText(await ValidAsync(), "manifest.json", from, to, relist: false);

        (await RefusedAsync(bundle)).ShouldBe(expected);
    }

    [Fact]
    public async Task ReadAsync_ManifestNotJson_Refuses()
    {
        var bundle = Replace(await ValidAsync(), "manifest.json", _ => "{ nope"u8.ToArray(), relist: false);

        (await RefusedAsync(bundle)).ShouldStartWith("manifest.json: malformed (");
    }

    [Fact]
    public async Task ReadAsync_ManifestMissingFiles_Refuses()
    {
        var bundle = Replace(await ValidAsync(), "manifest.json", _ => """{"format":"vivido-evidence-bundle/v1","digest":"sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef","repository":"a/b","createdAt":"2026-01-01T00:00:00Z"}"""u8.ToArray(), relist: false);

        (await RefusedAsync(bundle)).ShouldStartWith("manifest.json: malformed (");
    }

    [Fact]
    public async Task ReadAsync_NoManifest_Refuses()
    {
        var bundle = Tar(Entries(await ValidAsync()).Where(e => e.Name != "manifest.json"));

        (await RefusedAsync(bundle)).ShouldBe("manifest.json: missing");
    }

    [Fact]
    public async Task ReadAsync_ExtraFile_RefusesNamingIt()
    {
        var bundle = Tar([.. Entries(await ValidAsync()), ("evidence/9-scan.json", "{}"u8.ToArray())]);

        (await RefusedAsync(bundle)).ShouldBe("evidence/9-scan.json: not listed in manifest.json");
    }

    [Fact]
    public async Task ReadAsync_MissingFile_RefusesNamingIt()
    {
        var bundle = Tar(Entries(await ValidAsync()).Where(e => e.Name != "evidence/5-sbom.json"));

        (await RefusedAsync(bundle)).ShouldBe("evidence/5-sbom.json: missing");
    }

    [Fact]
    public async Task ReadAsync_DuplicateEntry_Refuses()
    {
        var entries = Entries(await ValidAsync());
        var bundle = Tar([.. entries, entries.Single(e => e.Name == "facts.json")]);

        (await RefusedAsync(bundle)).ShouldBe("facts.json: duplicate entry");
    }

    [Theory]
    [InlineData("../x")]
    [InlineData("evidence/../../x")]
    [InlineData("/etc/passwd")]
    [InlineData("./image.json")]
    [InlineData("evidence//x")]
    public async Task ReadAsync_UnsafePath_Refuses(string path)
    {
        var bundle = Tar([.. Entries(await ValidAsync()), (path, "x"u8.ToArray())]);

        (await RefusedAsync(bundle)).ShouldBe($"{path}: unsafe path (absolute, '..', '.' or empty segment)");
    }

    [Theory]
    [InlineData(TarEntryType.SymbolicLink)]
    [InlineData(TarEntryType.HardLink)]
    public async Task ReadAsync_LinkEntry_Refuses(TarEntryType type)
    {
        var link = new PaxTarEntry(type, "evidence/link.json") { LinkName = "/etc/passwd" };
        var bundle = Tar(Entries(await ValidAsync()), link);

        (await RefusedAsync(bundle)).ShouldBe($"evidence/link.json: not a regular file ({type})");
    }

    [Fact]
    public async Task ReadAsync_DirectoryEntry_Refuses()
    {
        var bundle = Tar(Entries(await ValidAsync()), new PaxTarEntry(TarEntryType.Directory, "evidence"));

        (await RefusedAsync(bundle)).ShouldBe("evidence: not a regular file (Directory)");
    }

    [Fact]
    public async Task ReadAsync_LargerThanTheLimit_Refuses()
    {
        var bundle = await ValidAsync();

        (await RefusedAsync(bundle, bundle.Length - 1)).ShouldBe($"bundle: larger than {bundle.Length - 1} bytes");
        (await ReadAsync(bundle, bundle.Length)).Digest.ShouldBe(Digest);
    }

    [Fact]
    public async Task ReadAsync_NotATar_Refuses()
    {
        (await RefusedAsync(TrivyReport)).ShouldStartWith("bundle: not a tar archive (");
    }

    [Fact]
    public async Task ReadAsync_TruncatedTar_Refuses()
    {
        var bundle = await ValidAsync();

        (await RefusedAsync(bundle[..700])).ShouldStartWith("bundle: not a tar archive (");
    }

    [Fact]
    public async Task ReadAsync_EmptyStream_Refuses()
    {
        (await RefusedAsync([])).ShouldBe("bundle: empty");
    }

    [Fact]
    public async Task ReadAsync_HistoryEditedAndRelisted_RefusesOnTheEntryHash()
    {
        var bundle = ReplaceText(await ValidAsync(), "history.json", "critical CVE", "all fine", relist: true);

        (await RefusedAsync(bundle)).ShouldBe("history.json: entry 9: hash mismatch");
    }

    [Fact]
    public async Task ReadAsync_ImageOfAnotherDigestRelisted_Refuses()
    {
        var bundle = ReplaceText(await ValidAsync(), "image.json", "sha256:0123", "sha256:ffff", relist: true);

        (await RefusedAsync(bundle)).ShouldBe("image.json: digest or repository differs from manifest.json");
    }

    [Fact]
    public async Task ReadAsync_IndexPointingAtAnotherFileRelisted_Refuses()
    {
        var bundle = ReplaceText(await ValidAsync(), "evidence/index.json", "\"path\": \"evidence/5-sbom.json\"", "\"path\": \"evidence/3-scan.json\"", relist: true);

        (await RefusedAsync(bundle)).ShouldBe("evidence/index.json: evidence 5: path 'evidence/3-scan.json' is not evidence/5-sbom.<ext>");
    }

    [Fact]
    public async Task ReadAsync_IndexShaDifferentFromManifestRelisted_Refuses()
    {
        var bundle = ReplaceText(await ValidAsync(), "evidence/index.json", Sha256(TrivyReport), Sha256(CycloneDx), relist: true);

        (await RefusedAsync(bundle)).ShouldBe("evidence/3-scan.json: sha256 in evidence/index.json differs from manifest.json");
    }

    [Fact]
    public async Task ReadAsync_RawDocumentDroppedFromIndexRelisted_RefusesTheOrphan()
    {
        var bundle = ReplaceText(await ValidAsync(), "evidence/index.json", "\"path\": \"evidence/5-sbom.json\"", "\"path\": null", relist: true);

        (await RefusedAsync(bundle)).ShouldBe("evidence/index.json: evidence 5: path and sha256 must both be set or both be null");
    }

    [Fact]
    public async Task ReadAsync_UnknownKindRelisted_Refuses()
    {
        var bundle = ReplaceText(await ValidAsync(), "evidence/index.json", "\"kind\": \"signature\"", "\"kind\": \"horoscope\"", relist: true);

        (await RefusedAsync(bundle)).ShouldBe("evidence/index.json: evidence 6: unknown evidence kind 'horoscope'");
    }

    [Fact]
    public async Task ReadAsync_FactNotOfItsKindRelisted_Refuses()
    {
        var bundle = ReplaceText(await ValidAsync(), "evidence/index.json", "\"scanner\": \"trivy\"", "\"scanner\": null", relist: true);

        (await RefusedAsync(bundle)).ShouldStartWith("evidence/index.json: evidence 3: ");
    }

    [Fact]
    public async Task ReadAsync_UnreferencedEvidenceFileListed_RefusesIt()
    {
        var entries = Entries(await ValidAsync());
        var extra = "{}"u8.ToArray();
        var manifest = Encoding.UTF8.GetString(entries[0].Data).Replace(
            "\"files\": [",
            $"\"files\": [\n    {{ \"path\": \"evidence/8-test.json\", \"sha256\": \"{Sha256(extra)}\", \"size\": 2 }},",
            StringComparison.Ordinal);
        entries[0] = ("manifest.json", Encoding.UTF8.GetBytes(manifest));

        (await RefusedAsync(Tar([.. entries, ("evidence/8-test.json", extra)]))).ShouldBe("evidence/8-test.json: not in evidence/index.json");
    }
}
