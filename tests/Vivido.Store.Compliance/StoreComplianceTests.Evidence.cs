using Vivido.Core.Images;
using Vivido.Core.Storage;

namespace Vivido.Store.Compliance;

public abstract partial class StoreComplianceTests
{
    [Fact]
    public async Task AttachEvidenceAsync_ScanWithRawDocument_KeepsBothAndListsByKind()
    {
        await RegisterAsync(Digest(1));
        var scan = new ScanFact("trivy", 1, 2, 3, 4, 5, 7.5, ["CVE-2024-1"], T0);
        const string raw = "{\"SchemaVersion\":2,\"Results\":[]}";

        var stored = (await Store.AttachEvidenceAsync(new EvidenceAttachment(Digest(1), scan, raw, "application/vnd.trivy+json", "scanner", T0))).ShouldNotBeNull();
        await Store.AttachEvidenceAsync(new EvidenceAttachment(Digest(1), new SbomFact("spdx", 3, T0), null, null, "ci-bot", T0.AddMinutes(1)));

        stored.Kind.ShouldBe(EvidenceKind.Scan);
        var all = await Store.ListEvidenceAsync(Digest(1));
        all.Select(e => e.Kind).ShouldBe([EvidenceKind.Scan, EvidenceKind.Sbom]);
        var scans = await Store.ListEvidenceAsync(Digest(1), EvidenceKind.Scan);
        scans.Count.ShouldBe(1);
        scans[0].Id.ShouldBe(stored.Id);
        scans[0].RawSha256.ShouldBe(stored.RawSha256.ShouldNotBeNull());
        scans[0].RawSize.ShouldBe(raw.Length);
        all[1].RawSha256.ShouldBeNull();
        all[1].RawSize.ShouldBeNull();
        scans[0].MediaType.ShouldBe("application/vnd.trivy+json");
        scans[0].Actor.ShouldBe("scanner");
        scans[0].Fact.ShouldBeOfType<ScanFact>().ShouldMatch(scan);
        (await Store.AttachEvidenceAsync(new EvidenceAttachment(Digest(8), scan, raw, null, "scanner", T0))).ShouldBeNull();
    }

    [Fact]
    public async Task AttachEvidenceAsync_NotAFact_ThrowsAndWritesNothing()
    {
        await RegisterAsync(Digest(1));

        await Should.ThrowAsync<ArgumentException>(() => Store.AttachEvidenceAsync(new EvidenceAttachment(Digest(1), "just text", null, null, "a", T0)));

        (await Store.CountRowsAsync())["evidence"].ShouldBe(0);
    }

    [Fact]
    public async Task RecordApprovalAsync_SeveralApprovers_AllAppearInTheSnapshotWithoutVersionChange()
    {
        var image = await RegisterAsync(Digest(1));

        (await Store.RecordApprovalAsync(new ApprovalRecord(Digest(1), "alice", "security", null, T0.AddMinutes(1)))).ShouldBeTrue();
        (await Store.RecordApprovalAsync(new ApprovalRecord(Digest(1), "bob", "qa", "looks good", T0.AddMinutes(2)))).ShouldBeTrue();

        var snapshot = (await Store.LoadSnapshotAsync(Digest(1)))!;
        snapshot.Facts.Approvals.ShouldBe([new ApprovalFact("alice", "security", null, T0.AddMinutes(1)), new ApprovalFact("bob", "qa", "looks good", T0.AddMinutes(2))]);
        snapshot.Version.ShouldBe(image.Version);
        (await Store.RecordApprovalAsync(new ApprovalRecord(Digest(2), "alice", "qa", null, T0))).ShouldBeFalse();
    }

    [Fact]
    public async Task RecordVetoAsync_Image_SetsVetoedBumpsVersionAndFailsAnOlderDecision()
    {
        var image = await WalkAsync(Digest(1), "team/app", "Active", "Deprecated");

        var vetoed = (await Store.RecordVetoAsync(new VetoRecord(Digest(1), "sec-team", "CVE-2026-0001", T0.AddHours(1)))).ShouldNotBeNull();

        vetoed.Vetoed.ShouldBeTrue();
        vetoed.Version.ShouldBe(image.Version + 1);
        vetoed.State.ShouldBe("Deprecated");
        (await Store.LoadSnapshotAsync(Digest(1)))!.Vetoed.ShouldBeTrue();
        (await CommitAsync(Digest(1), image.Version, "Deprecated", "Active", "rollback")).ShouldBe(new VersionConflict(Digest(1), image.Version, image.Version + 1));
        (await Store.RecordVetoAsync(new VetoRecord(Digest(5), "sec-team", "x", T0))).ShouldBeNull();
    }

    [Fact]
    public async Task RecordDeploymentAsync_SameWorkloadSeenAgain_KeepsFirstSeenAndUpdatesStatus()
    {
        await RegisterAsync(Digest(1));
        var d = Digest(1);

        await Store.RecordDeploymentAsync(new DeploymentReport(d, "prod", "eu-1", "shop", "deployment/api", DeploymentStatus.Healthy, T0));
        await Store.RecordDeploymentAsync(new DeploymentReport(d, "prod", "eu-1", "shop", "deployment/api", DeploymentStatus.Degraded, T0.AddHours(2)));
        await Store.RecordDeploymentAsync(new DeploymentReport(d, "prod", "eu-1", "shop", "deployment/api", DeploymentStatus.Healthy, T0.AddHours(1)));
        await Store.RecordDeploymentAsync(new DeploymentReport(d, "staging", "eu-1", "shop", "deployment/api", DeploymentStatus.Stopped, T0.AddHours(3)));

        (await Store.ListDeploymentsAsync(d)).ShouldBe(
        [
            new DeploymentFact("prod", "eu-1", "shop", "deployment/api", DeploymentStatus.Degraded, T0, T0.AddHours(2)),
            new DeploymentFact("staging", "eu-1", "shop", "deployment/api", DeploymentStatus.Stopped, T0.AddHours(3), T0.AddHours(3)),
        ]);
        (await Store.RecordDeploymentAsync(new DeploymentReport(Digest(2), "prod", "c", "n", "w", DeploymentStatus.Failed, T0))).ShouldBeFalse();
        (await Store.ListDeploymentsAsync(Digest(2))).ShouldBeEmpty();
    }
}
