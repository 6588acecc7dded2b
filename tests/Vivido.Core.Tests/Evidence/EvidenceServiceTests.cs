using Vivido.Core.Engine;
using Vivido.Core.Evidence;
using Vivido.Core.Images;
using Vivido.Core.Lifecycles;
using Vivido.Core.Service;
using Vivido.Core.Storage;
using Vivido.Core.Tests.Support;
using Vivido.Evidence;
using Vivido.Store.Sqlite;
using Vivido.Testing;

namespace Vivido.Core.Tests.Evidence;

/// <summary>Ingesting real tools' documents through the service, on the real SQLite store with the default lifecycle.</summary>
public sealed class EvidenceServiceTests : IAsyncLifetime
{
    private const string Repository = "registry.example.com/team/app";
    private const string JuiceShop = "sha256:33238f8c6291415c499265629b1b82ef791f5a33dff09f25c07264204a26f89b";
    private const string BuildKitImage = "sha256:ae01bed04d3f41efa80182824a50345cd1430f4d1a9308eda4369122bd94c85e";
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Caller Scanner = new("scanner-bot", [Roles.Scanner], []);

    private readonly ManualTimeProvider _time = new(T0);
    private readonly Lifecycle _lifecycle = LifecycleLoader.LoadDefault();
    private SqliteFixture? _database;

    private SqliteStore Store => _database!.Store;

    public async Task InitializeAsync() => _database = await SqliteFixture.CreateAsync();

    public async Task DisposeAsync() => await _database!.DisposeAsync();

    [Fact]
    public async Task Ingest_AlpineCriticalScanOnBuilding_StoresCountsAndQuarantinesWithTheCves()
    {
        var digest = await RegisterAsync(1);

        var outcome = (await IngestAsync(digest, EvidenceChannel.Scan, "trivy", "trivy-alpine-3.9.4-critical.json")).Value.ShouldNotBeNull();

        var scan = outcome.Evidence.Fact.ShouldBeOfType<ScanFact>();
        (scan.Scanner, scan.Critical, scan.High, scan.Medium, scan.Low, scan.Score, scan.Format).ShouldBe(("trivy", 2, 0, 4, 0, 0.0, "trivy"));
        scan.Cves.ShouldContain("CVE-2019-14697");
        outcome.Format.ShouldBe("trivy");
        var transition = outcome.Transition.ShouldNotBeNull();
        (transition.Event, transition.Accepted, transition.From, transition.To).ShouldBe(("quarantine", true, "Building", "Quarantined"));
        transition.Reason.ShouldBe("scan by trivy found 2 critical finding(s): CVE-2019-14697");
        var last = (await Store.ReadHistoryAsync(digest))[^1];
        (last.Event, last.To, last.Actor, last.Reason).ShouldBe(("quarantine", "Quarantined", "scanner-bot", transition.Reason));
        last.Params[CriticalScanHook.EvidenceParam].ShouldBe(outcome.Evidence.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Ingest_CleanScan_ScoresTenFiresNothingAndLetsScanPassedThrough()
    {
        var digest = await RegisterAsync(2);

        var outcome = (await IngestAsync(digest, EvidenceChannel.Scan, "trivy", "trivy-sle-micro-rancher-5.4-clean.json")).Value.ShouldNotBeNull();
        var passed = await new TransitionService(Store, _lifecycle, _time).FireEventAsync(Scanner, digest, "scan_passed", null, null, null);

        outcome.Transition.ShouldBeNull();
        outcome.Evidence.Fact.ShouldBeOfType<ScanFact>().Score.ShouldBe(10.0);
        passed.Succeeded.ShouldBeTrue(passed.Failure?.Message);
        passed.Value!.Image.State.ShouldBe("Scanned");
    }

    [Fact]
    public async Task Ingest_QuarantinedThenCleanScan_PermitsRelease()
    {
        var digest = await RegisterAsync(3);
        await IngestAsync(digest, EvidenceChannel.Scan, "trivy", "trivy-alpine-3.9.4-critical.json");
        var events = new TransitionService(Store, _lifecycle, _time);
        _time.Advance(TimeSpan.FromHours(1));

        var early = await events.FireEventAsync(Scanner, digest, "release", null, null, null);
        var again = (await IngestAsync(digest, EvidenceChannel.Scan, "trivy", "trivy-alpine-3.9.4-critical.json")).Value.ShouldNotBeNull();
        _time.Advance(TimeSpan.FromHours(1));
        await IngestAsync(digest, EvidenceChannel.Scan, "trivy", "trivy-sle-micro-rancher-5.4-clean.json");
        var released = await events.FireEventAsync(Scanner, digest, "release", null, null, null);

        early.Failure.ShouldBeOfType<GuardsUnmet>().Unmet.Select(u => u.Name).ShouldBe(["clean-scan-after-quarantine"]);
        again.Transition.ShouldBeNull("a quarantined image is not quarantined again");
        released.Value.ShouldNotBeNull().Image.State.ShouldBe("Scanned");
    }

    [Fact]
    public async Task Ingest_CriticalScanOnRetiredImage_StoresItAndFiresNothing()
    {
        var digest = Digest(4);
        await Store.RegisterImageAsync(new ImageRegistration(digest, Repository, "Retired", [], new Dictionary<string, string>(), "ci", T0));

        var outcome = (await IngestAsync(digest, EvidenceChannel.Scan, "trivy", "trivy-alpine-3.9.4-critical.json")).Value.ShouldNotBeNull();

        outcome.Transition.ShouldBeNull();
        (await Store.LoadImageAsync(digest)).ShouldNotBeNull().State.ShouldBe("Retired");
    }

    [Fact]
    public async Task Ingest_ReportForAnotherDigest_IsRefusedAndNothingIsStored()
    {
        var digest = await RegisterAsync(5);

        var result = await IngestAsync(digest, EvidenceChannel.Scan, "trivy", "trivy-juice-shop-v12.10.2-real-scan-trimmed.json");

        var mismatch = result.Failure.ShouldBeOfType<EvidenceSubjectMismatch>();
        mismatch.Subjects.ShouldBe([JuiceShop]);
        mismatch.Message.ShouldBe($"the document is about {JuiceShop}, not {digest}");
        (await Store.ListEvidenceAsync(digest)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Ingest_ReportForThisDigest_IsAccepted()
    {
        await Store.RegisterImageAsync(new ImageRegistration(JuiceShop, "docker.io/bkimminich/juice-shop", "Building", [], new Dictionary<string, string>(), "ci", T0));

        var scan = (await IngestAsync(JuiceShop, EvidenceChannel.Scan, "trivy", "trivy-juice-shop-v12.10.2-real-scan-trimmed.json"))
            .Value.ShouldNotBeNull().Evidence.Fact.ShouldBeOfType<ScanFact>();

        (scan.Critical, scan.High, scan.Medium, scan.Low).ShouldBe((28, 26, 6, 2));
    }

    [Theory]
    [InlineData(EvidenceChannel.Scan, "spdx", "trivy-0.58.0-alpine-3.15.spdx.json", "a spdx document is an SBOM; post it to /sboms")]
    [InlineData(EvidenceChannel.Scan, "cyclonedx", "trivy-cdx-1.5-centos-7-image.json", "the CycloneDX document has no vulnerabilities section, so it is not a scan; post it to /sboms")]
    [InlineData(EvidenceChannel.Sbom, "trivy", "trivy-alpine-3.9.4-critical.json", "a trivy report is a scan; post it to /scans")]
    [InlineData(EvidenceChannel.Sbom, "provenance", "buildkit-provenance-v0.2.statement.json", "an in-toto statement is an attestation; post it to /attestations")]
    [InlineData(EvidenceChannel.Attestation, "grype", "grype-0.7-busybox-latest-clean.json", "a grype report is a scan; post it to /scans")]
    public async Task Ingest_WrongKindForTheEndpoint_IsRefusedNamingWhereItGoes(EvidenceChannel channel, string folder, string file, string expected)
    {
        var digest = await RegisterAsync(6);

        var result = await IngestAsync(digest, channel, folder, file);

        var bad = result.Failure.ShouldBeOfType<InvalidInput>();
        (bad.Field, bad.Message).ShouldBe(("document", expected));
        (await Store.ListEvidenceAsync(digest)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Ingest_Malformed_IsRefusedAsInvalidDocument()
    {
        var digest = await RegisterAsync(7);
        var service = Service();

        var result = await service.IngestAsync(Scanner, digest, EvidenceChannel.Scan, "{\"SchemaVersion\": 2, \"Results\": ["u8.ToArray(), "application/json");

        result.Failure.ShouldBeOfType<InvalidInput>().Field.ShouldBe("document");
        (await Store.ListEvidenceAsync(digest)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Ingest_LargerThanTheLimit_IsTooLarge()
    {
        var digest = await RegisterAsync(8);
        var service = new EvidenceService(Store, _lifecycle, _time, new EvidenceReaderOptions(MaxBytes: 1000));
        var document = await File.ReadAllBytesAsync(TestPaths.Fixture("trivy", "trivy-alpine-3.9.4-critical.json"));

        var result = await service.IngestAsync(Scanner, digest, EvidenceChannel.Scan, document, null);

        result.Failure.ShouldBeOfType<DocumentTooLarge>().Message.ShouldBe($"the document is {document.Length} bytes; the limit is 1000");
        (await Store.ListEvidenceAsync(digest)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Ingest_UnknownDigest_NotFound()
    {
        var result = await IngestAsync(Digest(9), EvidenceChannel.Scan, "trivy", "trivy-sle-micro-rancher-5.4-clean.json");

        result.Failure.ShouldBeOfType<ResourceNotFound>();
    }

    [Fact]
    public async Task Ingest_TokenScopedToAnotherRepository_Denied()
    {
        var digest = await RegisterAsync(10);
        var scoped = new Caller("other", [Roles.Scanner], ["other/*"]);
        var document = await File.ReadAllBytesAsync(TestPaths.Fixture("trivy", "trivy-sle-micro-rancher-5.4-clean.json"));

        var result = await Service().IngestAsync(scoped, digest, EvidenceChannel.Scan, document, null);

        result.Failure.ShouldBeOfType<AccessDenied>();
        (await Store.ListEvidenceAsync(digest)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Ingest_CycloneDxSbom_CountsComponentsAndMakesPackagesSearchable()
    {
        var digest = await RegisterAsync(11);

        var outcome = (await IngestAsync(digest, EvidenceChannel.Sbom, "cyclonedx", "trivy-cdx-1.5-centos-7-image.json")).Value.ShouldNotBeNull();
        var found = await new VulnerabilityService(Store, _lifecycle, _time).ImagesWithPackageAsync(Scanner, "pkg:rpm/centos/bash");

        var sbom = outcome.Evidence.Fact.ShouldBeOfType<SbomFact>();
        (sbom.Format, sbom.Components, sbom.SpecVersion).ShouldBe(("cyclonedx", 2, "1.5"));
        found.Value.ShouldNotBeNull().ShouldHaveSingleItem().Image.Digest.ShouldBe(digest);
    }

    [Fact]
    public async Task Ingest_CycloneDxWithVulnerabilitiesAsScan_TakesTheHighestRating()
    {
        var digest = await RegisterAsync(12);

        var scan = (await IngestAsync(digest, EvidenceChannel.Scan, "cyclonedx", "trivy-cdx-1.6-fluentd-image-with-vulns.json"))
            .Value.ShouldNotBeNull().Evidence.Fact.ShouldBeOfType<ScanFact>();

        (scan.Critical, scan.High, scan.Format).ShouldBe((2, 1, "cyclonedx"));
        scan.Cves.ShouldBe(["CVE-2019-18224", "CVE-2019-18276", "CVE-2020-8165"], ignoreOrder: true);
    }

    [Fact]
    public async Task Ingest_BuildKitProvenance_GuardsSeeBuilderAndSource()
    {
        await Store.RegisterImageAsync(new ImageRegistration(BuildKitImage, Repository, "Building", [], new Dictionary<string, string>(), "ci", T0));

        var fact = (await IngestAsync(BuildKitImage, EvidenceChannel.Attestation, "provenance", "buildkit-provenance-v0.2.statement.json"))
            .Value.ShouldNotBeNull().Evidence.Fact.ShouldBeOfType<ProvenanceFact>();
        var snapshot = (await Store.LoadSnapshotAsync(BuildKitImage)).ShouldNotBeNull();

        fact.BuildType.ShouldBe("https://mobyproject.org/buildkit@v1");
        snapshot.Facts.Provenance.ShouldBe(fact);
        Vivido.Core.Tests.Engine.GuardContextTests.Evaluate("image.provenance.buildType == 'https://mobyproject.org/buildkit@v1' && !image.sbom.present", snapshot)
            .ShouldBe(Vivido.Cel.CelValue.True);
    }

    [Fact]
    public async Task Ingest_ProvenanceForAnotherDigest_IsRefused()
    {
        var digest = await RegisterAsync(13);

        var result = await IngestAsync(digest, EvidenceChannel.Attestation, "provenance", "slsa-github-generator-container-provenance-v0.2.dsse.json");

        result.Failure.ShouldBeOfType<EvidenceSubjectMismatch>().Subjects
            .ShouldBe(["sha256:e0a0a765d690a5104331cfbac88ebbbf01736c1f87aaa3cd455c516a5ea586a5"]);
    }

    [Fact]
    public async Task ReadRaw_GivesBackTheBytesAsReceived()
    {
        var digest = await RegisterAsync(14);
        var document = await File.ReadAllBytesAsync(TestPaths.Fixture("grype", "grype-0.94-busybox-1.32.1-critical.json"));
        var service = Service();
        await Store.RegisterImageAsync(new ImageRegistration(
            "sha256:ae39a6f5c07297d7ab64dbd4f82c77c874cc6a94cea29fdec309d0992574b4f7", "docker.io/library/busybox", "Building", [], new Dictionary<string, string>(), "ci", T0));

        var stored = (await service.IngestAsync(Scanner, "sha256:ae39a6f5c07297d7ab64dbd4f82c77c874cc6a94cea29fdec309d0992574b4f7", EvidenceChannel.Scan, document, "application/json"))
            .Value.ShouldNotBeNull().Evidence;
        var raw = await service.ReadRawAsync(Scanner, stored.Digest, stored.Id);
        var elsewhere = await service.ReadRawAsync(Scanner, digest, stored.Id);

        raw.Value.ShouldNotBeNull().Content.ShouldBe(document);
        raw.Value.Sha256.ShouldBe(stored.RawSha256);
        elsewhere.Failure.ShouldBeOfType<ResourceNotFound>();
    }

    private EvidenceService Service() => new(Store, _lifecycle, _time);

    private async Task<ServiceResult<IngestOutcome>> IngestAsync(string digest, EvidenceChannel channel, string folder, string file) =>
        await Service().IngestAsync(Scanner, digest, channel, await File.ReadAllBytesAsync(TestPaths.Fixture(folder, file)), "application/json");

    private async Task<string> RegisterAsync(int n)
    {
        var digest = Digest(n);
        await Store.RegisterImageAsync(new ImageRegistration(digest, Repository, "Building", [], new Dictionary<string, string>(), "ci-bot", _time.Now));
        return digest;
    }

    private static string Digest(int n) => "sha256:" + n.ToString("x64", System.Globalization.CultureInfo.InvariantCulture);
}
