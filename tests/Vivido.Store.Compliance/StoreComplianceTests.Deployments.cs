using Vivido.Core.Images;
using Vivido.Core.Storage;

namespace Vivido.Store.Compliance;

// Deployment rows with the progressing status, and what the success rates are read from.
public abstract partial class StoreComplianceTests
{
    [Fact]
    public async Task RecordDeploymentAsync_Progressing_RoundTripsAndALaterHealthyReportReplacesIt()
    {
        await RegisterAsync(Digest(1));

        (await Store.RecordDeploymentAsync(new DeploymentReport(Digest(1), "prod", "eu-1", "shop", "deployment/api", DeploymentStatus.Progressing, T0))).ShouldBeTrue();
        (await Store.ListDeploymentsAsync(Digest(1))).ShouldBe([new DeploymentFact("prod", "eu-1", "shop", "deployment/api", DeploymentStatus.Progressing, T0, T0)]);
        (await Store.LoadSnapshotAsync(Digest(1))).ShouldNotBeNull().Facts.Deployments.ShouldHaveSingleItem().Status.ShouldBe(DeploymentStatus.Progressing);

        await Store.RecordDeploymentAsync(new DeploymentReport(Digest(1), "prod", "eu-1", "shop", "deployment/api", DeploymentStatus.Healthy, T0.AddMinutes(3)));

        (await Store.ListDeploymentsAsync(Digest(1))).ShouldBe([new DeploymentFact("prod", "eu-1", "shop", "deployment/api", DeploymentStatus.Healthy, T0, T0.AddMinutes(3))]);
    }

    [Fact]
    public async Task ReadDeploymentOutcomesAsync_RowsAndRollbacks_ReturnsThoseAtOrAfterSinceWithDigestAndRepository()
    {
        await RegisterAsync(Digest(1), "team/api");
        await RegisterAsync(Digest(2), "team/web");
        await Store.RecordDeploymentAsync(new DeploymentReport(Digest(1), "prod", "eu-1", "shop", "deployment/api", DeploymentStatus.Healthy, T0.AddHours(1)));
        await Store.RecordDeploymentAsync(new DeploymentReport(Digest(1), "staging", "eu-1", "shop", "deployment/api", DeploymentStatus.Failed, T0.AddHours(3)));
        await Store.RecordDeploymentAsync(new DeploymentReport(Digest(2), "prod", "us-1", "web", "deployment/web", DeploymentStatus.Progressing, T0.AddHours(2)));

        var outcomes = await Store.ReadDeploymentOutcomesAsync(T0.AddHours(2));

        outcomes.Deployments.ShouldBe(
        [
            new DeploymentRow(Digest(1), "team/api", new DeploymentFact("staging", "eu-1", "shop", "deployment/api", DeploymentStatus.Failed, T0.AddHours(3), T0.AddHours(3))),
            new DeploymentRow(Digest(2), "team/web", new DeploymentFact("prod", "us-1", "web", "deployment/web", DeploymentStatus.Progressing, T0.AddHours(2), T0.AddHours(2))),
        ]);
        outcomes.Rollbacks.ShouldBeEmpty();
    }

    [Fact]
    public async Task ReadDeploymentOutcomesAsync_HistoryEntries_ReturnsOnlyAcceptedRollbacksSinceInSeqOrder()
    {
        var old = await WalkAsync(Digest(1), "team/api", "Building", "Deprecated");
        var recent = await WalkAsync(Digest(2), "team/web", "Building", "Deprecated");
        var other = await WalkAsync(Digest(3), "team/api", "Building", "Deprecated");
        (await CommitAsync(Digest(1), old.Version, "Deprecated", "Active", "rollback", T0.AddHours(1))).ShouldBeOfType<Committed>();
        var back = (await CommitAsync(Digest(2), recent.Version, "Deprecated", "Active", "rollback", T0.AddHours(3))).ShouldBeOfType<Committed>();
        (await CommitAsync(Digest(3), other.Version, "Deprecated", "Active", "promote", T0.AddHours(4))).ShouldBeOfType<Committed>();
        await Store.AppendRejectionAsync(new RejectionRecord(Digest(1), "rollback", "deployer", "bad", NoParams, T0.AddHours(5), "{}"));
        (await Store.CommitTransitionAsync(new TransitionCommit(Digest(2), back.Image.Version, "Active", "Active", "rollback", "admin", "forced", NoParams, T0.AddHours(6))
        {
            Kind = HistoryKind.Override,
        })).ShouldBeOfType<Committed>();
        (await CommitAsync(Digest(1), old.Version + 1, "Active", "Active", "rollback", T0.AddHours(7))).ShouldBeOfType<Committed>();

        var outcomes = await Store.ReadDeploymentOutcomesAsync(T0.AddHours(3));

        outcomes.Rollbacks.ShouldBe([new RollbackEntry(Digest(2), "team/web", T0.AddHours(3)), new RollbackEntry(Digest(1), "team/api", T0.AddHours(7))]);
        outcomes.Deployments.ShouldBeEmpty();
    }

    [Fact]
    public async Task ReadDeploymentOutcomesAsync_EmptyStore_ReturnsNothing()
    {
        var outcomes = await Store.ReadDeploymentOutcomesAsync(T0);

        outcomes.Deployments.ShouldBeEmpty();
        outcomes.Rollbacks.ShouldBeEmpty();
    }
}
