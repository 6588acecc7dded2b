using Vivido.Core.Images;
using Vivido.Core.Storage;

namespace Vivido.Store.Compliance;

public abstract partial class StoreComplianceTests
{
    private static readonly VulnerabilityFinding MuslCve = new("CVE-2024-0001", "critical", 9.8, "musl", "1.2.3-r0", "1.2.3-r1", "pkg:apk/alpine/musl@1.2.3-r0");
    private static readonly VulnerabilityFinding BusyboxCve = new("CVE-2024-0001", "high", null, "busybox", "1.36.1-r0", null, null);
    private static readonly VulnerabilityFinding Ghsa = new("GHSA-abcd-efgh-ijkl", "medium", 5.3, "lodash", "4.17.20", "4.17.21", "pkg:npm/lodash@4.17.20");

    [Fact]
    public async Task FindVulnerableImagesAsync_IdInAnyCase_ImagesByRepositoryThenDigestWithTheirFindings()
    {
        await RegisterAsync(Digest(1), "b/app");
        await RegisterAsync(Digest(2), "a/app");
        await RegisterAsync(Digest(3), "a/app");
        await RegisterAsync(Digest(4), "a/app");
        await AttachScanAsync(Digest(1), T0, MuslCve, BusyboxCve, Ghsa);
        await AttachScanAsync(Digest(3), T0, MuslCve with { Id = "cve-2024-0001" });
        await AttachScanAsync(Digest(4), T0, Ghsa);

        var found = await Store.FindVulnerableImagesAsync("Cve-2024-0001", 10);

        found.Select(f => f.Image.Digest).ShouldBe([Digest(3), Digest(1)]);
        found[0].Image.Repository.ShouldBe("a/app");
        found[0].Findings.ShouldBe([MuslCve with { Id = "cve-2024-0001" }]);
        found[1].Findings.ShouldBe([MuslCve, BusyboxCve]);
        (await Store.FindVulnerableImagesAsync("CVE-2024-0001", 1)).ShouldHaveSingleItem().Image.Digest.ShouldBe(Digest(3));
        (await Store.FindVulnerableImagesAsync("CVE-1999-9999", 10)).ShouldBeEmpty();
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => Store.FindVulnerableImagesAsync("CVE-2024-0001", 0));
    }

    [Fact]
    public async Task ListFindingsAsync_CurrentFindingsInReportOrder_ReplacedByTheNextScan()
    {
        await RegisterAsync(Digest(1));
        await RegisterAsync(Digest(2));
        await AttachScanAsync(Digest(1), T0, Ghsa, MuslCve, BusyboxCve);
        await AttachScanAsync(Digest(2), T0, MuslCve);

        var first = await Store.ListFindingsAsync(Digest(1));
        await AttachScanAsync(Digest(1), T0.AddDays(1), BusyboxCve);

        first.ShouldBe([Ghsa, MuslCve, BusyboxCve]);
        (await Store.ListFindingsAsync(Digest(1))).ShouldBe([BusyboxCve]);
        (await Store.ListFindingsAsync(Digest(2))).ShouldBe([MuslCve]);
        (await Store.ListFindingsAsync(Digest(9))).ShouldBeEmpty();
    }

    [Fact]
    public async Task AttachEvidenceAsync_RacingScans_LeaveExactlyOneScansFindings()
    {
        await RegisterAsync(Digest(1));
        var sets = Enumerable.Range(0, 8)
            .Select(n => Enumerable.Range(0, 5).Select(i => MuslCve with { Id = $"CVE-2024-{n}{i:000}", Package = $"pkg{i}" }).ToArray())
            .ToList();

        await Task.WhenAll(sets.Select(set => Task.Run(() => AttachScanAsync(Digest(1), T0, set))));

        var current = await Store.ListFindingsAsync(Digest(1));
        sets.Count(set => current.SequenceEqual(set)).ShouldBe(1, "the current findings are one scan's, never a mix");
        (await Store.ListEvidenceAsync(Digest(1), EvidenceKind.Scan)).Count.ShouldBe(8);
        (await Store.ReadExposureAsync("team/app", [])).Sightings.Count.ShouldBe(40);
    }

    [Fact]
    public async Task AttachEvidenceAsync_NewerScanWithFindings_ReplacesFindingsAndKeepsFirstSeen()
    {
        await RegisterAsync(Digest(1));
        await AttachScanAsync(Digest(1), T0, MuslCve, Ghsa);
        await AttachScanAsync(Digest(1), T0.AddDays(1), Ghsa, new VulnerabilityFinding("CVE-2025-0002", "low", 2.0, "zlib", "1.3", null, null));

        (await Store.FindVulnerableImagesAsync("CVE-2024-0001", 10)).ShouldBeEmpty();
        (await Store.FindVulnerableImagesAsync("cve-2025-0002", 10)).ShouldHaveSingleItem().Image.Digest.ShouldBe(Digest(1));
        (await Store.ReadExposureAsync("team/app", [])).Sightings.ShouldBe(
        [
            new VulnerabilitySighting(Digest(1), "CVE-2024-0001", T0, Present: false),
            new VulnerabilitySighting(Digest(1), "GHSA-abcd-efgh-ijkl", T0, Present: true),
            new VulnerabilitySighting(Digest(1), "CVE-2025-0002", T0.AddDays(1), Present: true),
        ]);

        // Reported again: present again, still first seen at T0. A scan without findings leaves everything as it is.
        await AttachScanAsync(Digest(1), T0.AddDays(2), MuslCve with { Id = "cve-2024-0001" });
        await Store.AttachEvidenceAsync(new EvidenceAttachment(Digest(1), Scan(T0.AddDays(3)), null, null, "scanner", T0.AddDays(3)));

        (await Store.FindVulnerableImagesAsync("CVE-2024-0001", 10)).ShouldHaveSingleItem().Findings.ShouldBe([MuslCve with { Id = "cve-2024-0001" }]);
        (await Store.ReadExposureAsync("team/app", [])).Sightings.Select(s => (s.VulnerabilityId, s.FirstSeen, s.Present)).ShouldBe(
        [
            ("CVE-2024-0001", T0, true),
            ("GHSA-abcd-efgh-ijkl", T0, false),
            ("CVE-2025-0002", T0.AddDays(1), false),
        ]);
        (await Store.CountRowsAsync())["vulnerability_findings"].ShouldBe(1);
    }

    [Fact]
    public async Task AttachEvidenceAsync_UnknownDigestWithFindingsAndPackages_ReturnsNullAndWritesNothing()
    {
        var scan = new EvidenceAttachment(Digest(7), Scan(T0), "{}", "application/json", "scanner", T0) { Findings = [MuslCve] };
        var sbom = new EvidenceAttachment(Digest(7), new SbomFact("cyclonedx", 1, T0), "{}", "application/json", "ci-bot", T0) { Packages = [Musl("1.2.3")] };

        (await Store.AttachEvidenceAsync(scan)).ShouldBeNull();
        (await Store.AttachEvidenceAsync(sbom)).ShouldBeNull();

        var counts = await Store.CountRowsAsync();
        new[] { "evidence", "vulnerability_findings", "vulnerability_sightings", "image_packages" }.ShouldAllBe(t => counts[t] == 0);
    }

    [Fact]
    public async Task AttachEvidenceAsync_FindingsOnAnSbomOrPackagesOnAScan_ThrowsAndWritesNothing()
    {
        await RegisterAsync(Digest(1));

        await Should.ThrowAsync<ArgumentException>(() => Store.AttachEvidenceAsync(
            new EvidenceAttachment(Digest(1), new SbomFact("spdx", 1, T0), null, null, "ci-bot", T0) { Findings = [MuslCve] }));
        await Should.ThrowAsync<ArgumentException>(() => Store.AttachEvidenceAsync(
            new EvidenceAttachment(Digest(1), Scan(T0), null, null, "scanner", T0) { Packages = [Musl("1.2.3")] }));
        await Should.ThrowAsync<ArgumentException>(() => Store.AttachEvidenceAsync(
            new EvidenceAttachment(Digest(1), Scan(T0), null, null, "scanner", T0) { Findings = [MuslCve with { Id = "" }] }));

        (await Store.CountRowsAsync())["evidence"].ShouldBe(0);
    }

    [Fact]
    public async Task FindImagesWithPackageAsync_ByBaseAndByBaseAndVersion_MatchesTheNewestSbom()
    {
        await RegisterAsync(Digest(1), "b/app");
        await RegisterAsync(Digest(2), "a/app");
        await RegisterAsync(Digest(3), "a/app");
        await AttachSbomAsync(Digest(1), T0, Musl("1.2.3"), new PackageRecord("busybox", "1.36", "pkg:apk/alpine/busybox@1.36", "pkg:apk/alpine/busybox"));
        await AttachSbomAsync(Digest(2), T0, Musl("1.2.4"), new PackageRecord("no-purl", "1.0", null, null));
        await AttachSbomAsync(Digest(3), T0, Musl("1.2.3"));
        await AttachSbomAsync(Digest(3), T0.AddDays(1), new PackageRecord("busybox", "1.37", "pkg:apk/alpine/busybox@1.37", "pkg:apk/alpine/busybox"));

        var any = await Store.FindImagesWithPackageAsync("pkg:apk/alpine/musl", null, 10);
        var exact = await Store.FindImagesWithPackageAsync("pkg:apk/alpine/musl", "1.2.3", 10);

        any.Select(m => (m.Image.Digest, m.Package.Version)).ShouldBe([(Digest(2), (string?)"1.2.4"), (Digest(1), "1.2.3")]);
        any[1].Package.ShouldBe(Musl("1.2.3"));
        any[1].Image.Repository.ShouldBe("b/app");
        exact.ShouldHaveSingleItem().Image.Digest.ShouldBe(Digest(1));
        (await Store.FindImagesWithPackageAsync("pkg:apk/alpine/musl", null, 1)).ShouldHaveSingleItem().Image.Digest.ShouldBe(Digest(2));
        (await Store.FindImagesWithPackageAsync("pkg:apk/alpine/busybox", null, 10)).Select(m => m.Image.Digest).ShouldBe([Digest(3), Digest(1)]);
        (await Store.FindImagesWithPackageAsync("pkg:apk/alpine/openssl", null, 10)).ShouldBeEmpty();
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => Store.FindImagesWithPackageAsync("pkg:apk/alpine/musl", null, 1001));
    }

    private static PackageRecord Musl(string version) => new("musl", version, $"pkg:apk/alpine/musl@{version}?arch=x86_64", "pkg:apk/alpine/musl");

    private async Task AttachScanAsync(string digest, DateTimeOffset at, params VulnerabilityFinding[] findings) =>
        (await Store.AttachEvidenceAsync(new EvidenceAttachment(digest, Scan(at, [.. findings.Select(f => f.Id)]), null, null, "scanner", at) { Findings = findings }))
            .ShouldNotBeNull();

    private async Task AttachSbomAsync(string digest, DateTimeOffset at, params PackageRecord[] packages) =>
        (await Store.AttachEvidenceAsync(new EvidenceAttachment(digest, new SbomFact("cyclonedx", packages.Length, at), null, null, "ci-bot", at) { Packages = packages }))
            .ShouldNotBeNull();
}
