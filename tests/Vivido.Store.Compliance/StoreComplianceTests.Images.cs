using Vivido.Core.Images;
using Vivido.Core.Storage;

namespace Vivido.Store.Compliance;

public abstract partial class StoreComplianceTests
{
    [Fact]
    public async Task RegisterImageAsync_NewDigest_CreatesImageAtVersionOneWithRegisterEntry()
    {
        var result = await Store.RegisterImageAsync(new ImageRegistration(
            Digest(1), "team/app", "Building", ["v1"], new Dictionary<string, string> { ["arch"] = "arm64" }, "ci-bot", T0));

        result.Created.ShouldBeTrue();
        result.Image.ShouldBe(result.Image with { Digest = Digest(1), Repository = "team/app", State = "Building", Version = 1, EnteredStateAt = T0, Vetoed = false, RegisteredAt = T0 });
        result.Image.Tags.ShouldBe(["v1"]);
        result.Image.Attributes.ShouldBe(new Dictionary<string, string> { ["arch"] = "arm64" });
        var history = await Store.ReadHistoryAsync(Digest(1));
        history.Count.ShouldBe(1);
        history[0].ShouldBe(history[0] with { Seq = 1, Event = "register", From = null, To = "Building", Kind = HistoryKind.Accepted, Actor = "ci-bot", At = T0, PrevHash = HistoryChain.GenesisHash });
    }

    [Fact]
    public async Task RegisterImageAsync_SameDigestAgain_ReturnsExistingUnchanged()
    {
        var first = await RegisterAsync(Digest(1), "team/app", "Building", T0, "v1");
        var counts = await Store.CountRowsAsync();

        var again = await Store.RegisterImageAsync(new ImageRegistration(
            Digest(1), "other/repo", "Unknown", ["v2"], new Dictionary<string, string>(), "someone", T0.AddHours(1)));

        again.Created.ShouldBeFalse();
        again.Image.ShouldMatch(first);
        (await Store.CountRowsAsync()).ShouldBe(counts);
    }

    [Fact]
    public async Task RegisterImageAsync_SubMicrosecondTime_StoresTheNormalisedTime()
    {
        var at = new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.FromHours(2)).AddTicks(1234567);

        var image = await RegisterAsync(Digest(1), at: at);

        image.EnteredStateAt.ShouldBe(HistoryChain.Normalize(at));
        image.EnteredStateAt.Offset.ShouldBe(TimeSpan.Zero);
        (await Store.LoadImageAsync(Digest(1)))!.EnteredStateAt.ShouldBe(HistoryChain.Normalize(at));
        (await Store.VerifyAuditAsync()).Ok.ShouldBeTrue();
    }

    [Fact]
    public async Task LoadImageAsync_UnknownDigest_ReturnsNull()
    {
        (await Store.LoadImageAsync(Digest(9))).ShouldBeNull();
        (await Store.LoadSnapshotAsync(Digest(9))).ShouldBeNull();
    }

    [Fact]
    public async Task LoadSnapshotAsync_WithEvidence_ReturnsLatestFactsApprovalsAndDeployments()
    {
        var image = await RegisterAsync(Digest(1), tags: "latest");
        var d = Digest(1);
        var old = new ScanFact("trivy", 2, 0, 0, 0, 0, 5.0, ["CVE-1"], T0);
        var scan = new ScanFact("grype", 0, 1, 2, 3, 4, 9.5, ["CVE-2", "CVE-3"], T0.AddHours(1));
        await Store.AttachEvidenceAsync(new EvidenceAttachment(d, old, "{}", "application/json", "scanner", T0));
        await Store.AttachEvidenceAsync(new EvidenceAttachment(d, scan, "{\"raw\":true}", "application/json", "scanner", T0.AddHours(1)));
        await Store.AttachEvidenceAsync(new EvidenceAttachment(d, new SbomFact("cyclonedx", 42, T0), null, null, "ci-bot", T0));
        await Store.AttachEvidenceAsync(new EvidenceAttachment(d, new SignatureFact(true, "ci@example.com", T0), null, null, "ci-bot", T0));
        await Store.AttachEvidenceAsync(new EvidenceAttachment(d, new ProvenanceFact("github-actions", true, T0), null, null, "ci-bot", T0));
        await Store.AttachEvidenceAsync(new EvidenceAttachment(d, new TestResultFact("staging", false, T0), null, null, "ci-bot", T0));
        await Store.AttachEvidenceAsync(new EvidenceAttachment(d, new TestResultFact("unit", true, T0), null, null, "ci-bot", T0));
        await Store.AttachEvidenceAsync(new EvidenceAttachment(d, new TestResultFact("staging", true, T0.AddHours(2)), null, null, "ci-bot", T0.AddHours(2)));
        (await Store.RecordApprovalAsync(new ApprovalRecord(d, "alice", "release-manager", "ship it", T0.AddHours(3)))).ShouldBeTrue();
        (await Store.RecordDeploymentAsync(new DeploymentReport(d, "staging", "c1", "shop", "deployment/app", DeploymentStatus.Healthy, T0.AddHours(4)))).ShouldBeTrue();

        var snapshot = (await Store.LoadSnapshotAsync(d)).ShouldNotBeNull();

        snapshot.Version.ShouldBe(image.Version);
        snapshot.State.ShouldBe("Building");
        snapshot.Tags.ShouldBe(["latest"]);
        snapshot.Attributes["arch"].ShouldBe("amd64");
        snapshot.Facts.Scan.ShouldMatch(scan);
        snapshot.Facts.Sbom.ShouldBe(new SbomFact("cyclonedx", 42, T0));
        snapshot.Facts.Signature.ShouldBe(new SignatureFact(true, "ci@example.com", T0));
        snapshot.Facts.Provenance.ShouldBe(new ProvenanceFact("github-actions", true, T0));
        snapshot.Facts.Tests.ShouldBe([new TestResultFact("staging", true, T0.AddHours(2)), new TestResultFact("unit", true, T0)]);
        snapshot.Facts.Approvals.ShouldBe([new ApprovalFact("alice", "release-manager", "ship it", T0.AddHours(3))]);
        snapshot.Facts.Deployments.ShouldBe([new DeploymentFact("staging", "c1", "shop", "deployment/app", DeploymentStatus.Healthy, T0.AddHours(4), T0.AddHours(4))]);
    }

    [Fact]
    public async Task LoadSnapshotAsync_NoEvidence_HasNoFacts()
    {
        await RegisterAsync(Digest(1));

        var snapshot = (await Store.LoadSnapshotAsync(Digest(1))).ShouldNotBeNull();

        snapshot.Facts.Scan.ShouldBeNull();
        snapshot.Facts.Sbom.ShouldBeNull();
        snapshot.Facts.Tests.ShouldBeEmpty();
        snapshot.Facts.Approvals.ShouldBeEmpty();
        snapshot.Facts.Deployments.ShouldBeEmpty();
    }

    [Fact]
    public async Task LoadRepositoryContextAsync_Repository_ListsActiveAndMostRecentlyDeprecatedFirst()
    {
        await WalkAsync(Digest(1), "team/app", "Staged", "Active", "Deprecated");
        await WalkAsync(Digest(2), "team/app", "Staged", "Active", "Deprecated", "Deprecated2", "Deprecated");
        await WalkAsync(Digest(3), "team/app", "Staged", "Active");
        await WalkAsync(Digest(4), "other/app", "Staged", "Active");

        var context = await Store.LoadRepositoryContextAsync("team/app");

        context.Name.ShouldBe("team/app");
        context.ActiveDigests.ShouldBe([Digest(3)]);
        context.DeprecatedDigests.ShouldBe([Digest(2), Digest(1)]);
        (await Store.LoadRepositoryContextAsync("nobody/app")).ActiveDigests.ShouldBeEmpty();
    }
}
