using Vivido.Cel;
using Vivido.Core.Cleanup;
using Vivido.Core.Deployments;
using Vivido.Core.Images;
using Vivido.Core.Tests.Engine;
using Vivido.Core.Tests.Support;

namespace Vivido.Core.Tests.Deployments;

/// <summary>The progressing status as guards, cleanup and the API see it, and the summary's time format.</summary>
public class DeploymentStatusTests
{
    [Fact]
    public void Evaluate_ProgressingDeployment_GuardsSeeItLowerCase()
    {
        var image = TestImages.In("Staged", ImageFacts.None with { Deployments = [TestImages.Deployment("prod", DeploymentStatus.Progressing)] });

        GuardContextTests.Evaluate("image.deployments[0].status == 'progressing'", image).ShouldBe(CelValue.True);
    }

    [Theory]
    [InlineData(DeploymentStatus.Healthy, true)]
    [InlineData(DeploymentStatus.Degraded, true)]
    [InlineData(DeploymentStatus.Progressing, true)]
    [InlineData(DeploymentStatus.Failed, false)]
    [InlineData(DeploymentStatus.Stopped, false)]
    public void IsRunning_EachStatus_TrueForThoseInUse(DeploymentStatus status, bool running) =>
        CleanupPlanner.IsRunning(TestImages.Deployment("prod", status)).ShouldBe(running);

    [Fact]
    public void Names_EveryStatus_RoundTripsLowerCase()
    {
        DeploymentStatusNames.All.ShouldBe(["healthy", "degraded", "failed", "stopped", "progressing"]);
        foreach (var status in Enum.GetValues<DeploymentStatus>())
        {
            DeploymentStatusNames.TryParse(DeploymentStatusNames.Name(status), out var parsed).ShouldBeTrue();
            parsed.ShouldBe(status);
        }
    }

    [Theory]
    [InlineData("Healthy")]
    [InlineData("PROGRESSING")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("running")]
    public void TryParse_NotAnExactName_False(string? name) =>
        DeploymentStatusNames.TryParse(name, out _).ShouldBeFalse();

    [Theory]
    [InlineData("2026-03-01T12:00:00Z", "2026-03-01T12:00:00.0000000+00:00")]
    [InlineData("2026-03-01t12:00:00z", "2026-03-01T12:00:00.0000000+00:00")]
    [InlineData("2026-03-01T12:00:00.25Z", "2026-03-01T12:00:00.2500000+00:00")]
    [InlineData("2026-03-01T14:00:00+02:00", "2026-03-01T12:00:00.0000000+00:00")]
    [InlineData("2026-03-01T09:30:00.123456-02:30", "2026-03-01T12:00:00.1234560+00:00")]
    public void TryParseTime_Rfc3339_ParsesToUtc(string text, string expected)
    {
        DeploymentService.TryParseTime(text, out var at).ShouldBeTrue();

        at.ToString("O", System.Globalization.CultureInfo.InvariantCulture).ShouldBe(expected);
    }

    [Theory]
    [InlineData("2026-03-01")]
    [InlineData("2026-03-01T12:00:00")]
    [InlineData("2026-03-01 12:00:00Z")]
    [InlineData("yesterday")]
    [InlineData("2026-13-01T00:00:00Z")]
    [InlineData("1700000000")]
    [InlineData("")]
    public void TryParseTime_NotRfc3339_False(string text) =>
        DeploymentService.TryParseTime(text, out _).ShouldBeFalse();
}
