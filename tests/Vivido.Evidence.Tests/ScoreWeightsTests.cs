namespace Vivido.Evidence.Tests;

public sealed class ScoreWeightsTests
{
    [Fact]
    public void Score_OneCriticalWithDefaults_Zero()
    {
        ScoreWeights.Default.Score(new SeverityCounts(1, 0, 0, 0, 0)).ShouldBe(0);
    }

    [Fact]
    public void Score_OneHighWithDefaults_Nine()
    {
        ScoreWeights.Default.Score(new SeverityCounts(0, 1, 0, 0, 0)).ShouldBe(9.0);
    }

    [Fact]
    public void Score_MixedWithDefaults_RoundedToTwoDecimals()
    {
        // 10 - (1 + 3 × 0.1 + 7 × 0.01 + 1 × 0.1) = 8.53
        ScoreWeights.Default.Score(new SeverityCounts(0, 1, 3, 7, 1)).ShouldBe(8.53);
    }

    [Fact]
    public void Score_NoFindings_Ten()
    {
        ScoreWeights.Default.Score(SeverityCounts.Zero).ShouldBe(10);
    }

    [Fact]
    public void Score_CustomWeights_Applied()
    {
        var weights = new ScoreWeights(Critical: 5, High: 2, Medium: 0.5, Low: 0, Unknown: 0);

        weights.Score(new SeverityCounts(1, 1, 2, 100, 100)).ShouldBe(2);
        weights.Score(new SeverityCounts(3, 0, 0, 0, 0)).ShouldBe(0);
    }

    [Fact]
    public void Score_JuiceShopFixture_Zero()
    {
        var scan = FixtureDocuments.Read<ScanReport>("trivy", "trivy-juice-shop-v12.10.2-real-scan-trimmed.json");

        ScoreWeights.Default.Score(scan.Counts).ShouldBe(0);
        new ScoreWeights(Critical: 0, High: 0, Medium: 0.5, Low: 0.25).Score(scan.Counts).ShouldBe(6.5);
    }
}
