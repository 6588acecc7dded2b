using FsCheck;
using FsCheck.Fluent;
using Vivido.Core.Deployments;
using Vivido.Core.Images;
using Vivido.Core.Storage;

namespace Vivido.Core.Tests.Deployments;

/// <summary>Deployment and rollback success rates from the rows the store returns.</summary>
public class DeploymentSummaryCalculatorTests
{
    private static readonly DateTimeOffset Since = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Summarize_NoRows_CountsZeroAndRatesNull()
    {
        var summary = DeploymentSummaryCalculator.Summarize(new DeploymentOutcomes([], []), Since);

        summary.ShouldBe(new DeploymentSummary(Since, new DeploymentStats(0, 0, 0, 0, 0, 0, null), new RollbackStats(0, 0, 0, 0, null)));
    }

    [Fact]
    public void Summarize_EveryStatus_CountsEachAndRateIsHealthyOverKnownHealth()
    {
        var rows = new[]
        {
            Row("a", DeploymentStatus.Healthy), Row("b", DeploymentStatus.Healthy), Row("c", DeploymentStatus.Healthy),
            Row("d", DeploymentStatus.Degraded), Row("e", DeploymentStatus.Failed), Row("f", DeploymentStatus.Stopped),
            Row("g", DeploymentStatus.Progressing), Row("h", DeploymentStatus.Progressing),
        };

        var summary = DeploymentSummaryCalculator.Summarize(new DeploymentOutcomes(rows, []), Since);

        summary.Deployments.ShouldBe(new DeploymentStats(8, 3, 1, 1, 1, 2, 0.6));
    }

    [Fact]
    public void Summarize_OnlyStoppedAndProgressing_RateIsNull()
    {
        var rows = new[] { Row("a", DeploymentStatus.Stopped), Row("b", DeploymentStatus.Progressing) };

        DeploymentSummaryCalculator.Summarize(new DeploymentOutcomes(rows, []), Since).Deployments.SuccessRate.ShouldBeNull();
    }

    [Fact]
    public void Summarize_RowsAndRollbacksBeforeSince_AreLeftOut()
    {
        var rows = new[] { Row("a", DeploymentStatus.Healthy, Since.AddSeconds(-1)), Row("b", DeploymentStatus.Failed, Since) };
        var rollbacks = new[] { new RollbackEntry("a", "team/app", Since.AddDays(-1)) };

        var summary = DeploymentSummaryCalculator.Summarize(new DeploymentOutcomes(rows, rollbacks), Since);

        summary.Deployments.ShouldBe(new DeploymentStats(1, 0, 0, 1, 0, 0, 0));
        summary.Rollbacks.Total.ShouldBe(0);
    }

    [Fact]
    public void Classify_HealthyRowAtOrAfterTheRollback_Succeeded()
    {
        var at = Since.AddHours(1);

        DeploymentSummaryCalculator.Classify(new RollbackEntry("a", "team/app", at), [Row("a", DeploymentStatus.Failed, at), Row("a", DeploymentStatus.Healthy, at)])
            .ShouldBe(RollbackOutcome.Succeeded);
    }

    [Fact]
    public void Classify_OnlyFailedRowsAfterTheRollback_Failed()
    {
        var at = Since.AddHours(1);
        var rows = new[] { Row("a", DeploymentStatus.Failed, at.AddMinutes(5)), Row("a", DeploymentStatus.Failed, at), Row("a", DeploymentStatus.Healthy, at.AddTicks(-10)) };

        DeploymentSummaryCalculator.Classify(new RollbackEntry("a", "team/app", at), rows).ShouldBe(RollbackOutcome.Failed);
    }

    [Theory]
    [InlineData(DeploymentStatus.Progressing)]
    [InlineData(DeploymentStatus.Degraded)]
    [InlineData(DeploymentStatus.Stopped)]
    public void Classify_FailedAndAnotherUnsettledStatus_Pending(DeploymentStatus other)
    {
        var at = Since.AddHours(1);

        DeploymentSummaryCalculator.Classify(new RollbackEntry("a", "team/app", at), [Row("a", DeploymentStatus.Failed, at), Row("a", other, at)])
            .ShouldBe(RollbackOutcome.Pending);
    }

    [Fact]
    public void Classify_NoRowsAfterTheRollbackOrOnlyOtherDigests_Pending()
    {
        var at = Since.AddHours(1);
        var rows = new[] { Row("a", DeploymentStatus.Healthy, at.AddSeconds(-1)), Row("b", DeploymentStatus.Healthy, at.AddHours(1)) };

        DeploymentSummaryCalculator.Classify(new RollbackEntry("a", "team/app", at), rows).ShouldBe(RollbackOutcome.Pending);
    }

    [Fact]
    public void Summarize_Rollbacks_CountsOutcomesAndRateIsSucceededOverSettled()
    {
        var at = Since.AddHours(1);
        var rows = new[]
        {
            Row("ok", DeploymentStatus.Healthy, at.AddMinutes(1)),
            Row("bad", DeploymentStatus.Failed, at.AddMinutes(1)),
            Row("wait", DeploymentStatus.Progressing, at.AddMinutes(1)),
        };
        var rollbacks = new[]
        {
            new RollbackEntry("ok", "team/app", at), new RollbackEntry("ok", "team/app", at), new RollbackEntry("bad", "team/app", at),
            new RollbackEntry("wait", "team/app", at), new RollbackEntry("none", "team/app", at),
        };

        var summary = DeploymentSummaryCalculator.Summarize(new DeploymentOutcomes(rows, rollbacks), Since);

        summary.Rollbacks.ShouldBe(new RollbackStats(5, 2, 1, 2, 2.0 / 3));
    }

    [Fact]
    public void Summarize_AnyRows_CountsAddUpAndRatesStayBetweenZeroAndOne()
    {
        var statuses = Enum.GetValues<DeploymentStatus>();
        var rows = from count in Gen.Choose(0, 12)
                   from picks in Gen.ListOf(Gen.Elements(statuses), count)
                   from offsets in Gen.ListOf(Gen.Choose(-3, 3), count)
                   from rollbackOffsets in Gen.ListOf(Gen.Choose(-3, 3), count)
                   select (picks, offsets, rollbackOffsets);

        Prop.ForAll(rows.ToArbitrary(), input =>
        {
            var (picks, offsets, rollbackOffsets) = input;
            var deployments = picks.Select((s, i) => Row($"d{i % 3}", s, Since.AddHours(offsets[i]))).ToList();
            var rollbacks = rollbackOffsets.Select((o, i) => new RollbackEntry($"d{i % 3}", "team/app", Since.AddHours(o))).ToList();
            var summary = DeploymentSummaryCalculator.Summarize(new DeploymentOutcomes(deployments, rollbacks), Since);
            var d = summary.Deployments;
            var r = summary.Rollbacks;
            return d.Total == d.Healthy + d.Degraded + d.Failed + d.Stopped + d.Progressing
                && d.Total == deployments.Count(x => x.Deployment.LastSeen >= Since)
                && r.Total == r.Succeeded + r.Failed + r.Pending
                && r.Total == rollbacks.Count(x => x.At >= Since)
                && (d.SuccessRate is null ? d.Healthy + d.Degraded + d.Failed == 0 : d.SuccessRate is >= 0 and <= 1)
                && (r.SuccessRate is null ? r.Succeeded + r.Failed == 0 : r.SuccessRate is >= 0 and <= 1);
        }).QuickCheckThrowOnFailure();
    }

    private static DeploymentRow Row(string digest, DeploymentStatus status, DateTimeOffset? lastSeen = null) =>
        new(digest, "team/app", new DeploymentFact("prod", "eu-1", "shop", "deployment/" + digest, status, Since.AddDays(-1), lastSeen ?? Since.AddHours(1)));
}
