using Vivido.Core.Evidence;
using Vivido.Core.Storage;

namespace Vivido.Core.Tests.Evidence;

public sealed class PatchTimeCalculatorTests
{
    private const string Repo = "team/api";
    private const string Old = "sha256:" + "a";
    private const string Fix = "sha256:" + "b";
    private const string Later = "sha256:" + "c";
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Compute_FixedDigestPromoted_MeasuresFromSightingToItsPromotion()
    {
        // Old is Active from T0; the CVE is found in it a day later; Fix is promoted on day 4.
        var exposure = Exposure(
            [Span(Old, 0, 4), Span(Fix, 4, null)],
            [Sighting(Old, "CVE-1", 1)],
            [Old, Fix]);

        var result = PatchTimeCalculator.Compute(Repo, exposure, T0.AddDays(10)).ShouldHaveSingleItem();

        result.ShouldBe(new PatchTime(Repo, "CVE-1", T0.AddDays(1), Old, T0.AddDays(4), Fix, TimeSpan.FromDays(3).TotalSeconds));
        result.Open.ShouldBeFalse();
    }

    [Fact]
    public void Compute_CveKnownBeforePromotion_CountsFromPromotion()
    {
        var exposure = Exposure([Span(Old, 2, 5), Span(Fix, 5, null)], [Sighting(Old, "CVE-1", 0)], [Old, Fix]);

        var result = PatchTimeCalculator.Compute(Repo, exposure, T0.AddDays(10)).ShouldHaveSingleItem();

        (result.FirstSeenActive, result.Seconds).ShouldBe((T0.AddDays(2), TimeSpan.FromDays(3).TotalSeconds));
    }

    [Fact]
    public void Compute_NextDigestStillVulnerable_IsNotThePatch()
    {
        var exposure = Exposure(
            [Span(Old, 0, 2), Span(Fix, 2, 6), Span(Later, 6, null)],
            [Sighting(Old, "CVE-1", 0), Sighting(Fix, "CVE-1", 1)],
            [Old, Fix, Later]);

        var result = PatchTimeCalculator.Compute(Repo, exposure, T0.AddDays(10)).ShouldHaveSingleItem();

        (result.PatchedBy, result.PatchedAt).ShouldBe((Later, T0.AddDays(6)));
    }

    [Fact]
    public void Compute_UnscannedSuccessor_IsNotThePatchAndTheCveStaysOpen()
    {
        var exposure = Exposure([Span(Old, 0, 2), Span(Fix, 2, null)], [Sighting(Old, "CVE-1", 0)], [Old]);

        var result = PatchTimeCalculator.Compute(Repo, exposure, T0.AddDays(10)).ShouldHaveSingleItem();

        result.Open.ShouldBeTrue();
        result.Seconds.ShouldBe(TimeSpan.FromDays(10).TotalSeconds);
    }

    [Fact]
    public void Compute_CveNeverInProduction_IsNotListed()
    {
        var exposure = Exposure([Span(Fix, 0, null)], [Sighting(Old, "CVE-1", 0), Sighting(Fix, "CVE-2", 5, present: false)], [Old, Fix]);

        var results = PatchTimeCalculator.Compute(Repo, exposure, T0.AddDays(10));

        // CVE-2 was seen in Fix while it was Active (then withdrawn), so it counts; CVE-1 never ran.
        results.Select(r => r.Vulnerability).ShouldBe(["CVE-2"]);
    }

    [Fact]
    public void Compute_SightingAfterTheSpanEnded_DoesNotCount()
    {
        var exposure = Exposure([Span(Old, 0, 2), Span(Fix, 2, null)], [Sighting(Old, "CVE-1", 3)], [Old, Fix]);

        PatchTimeCalculator.Compute(Repo, exposure, T0.AddDays(10)).ShouldBeEmpty();
    }

    [Fact]
    public void Summary_Of_CountsAndPercentiles()
    {
        var items = new[] { 1.0, 2, 3, 4, 10 }
            .Select((days, i) => new PatchTime(Repo, $"CVE-{i}", T0, Old, T0.AddDays(days), Fix, TimeSpan.FromDays(days).TotalSeconds))
            .Append(new PatchTime(Repo, "CVE-open", T0, Old, null, null, 99))
            .ToList();

        var summary = PatchTimeSummary.Of(Repo, items);

        (summary.Patched, summary.Open).ShouldBe((5, 1));
        summary.MeanSeconds.ShouldBe(TimeSpan.FromDays(4).TotalSeconds);
        summary.MedianSeconds.ShouldBe(TimeSpan.FromDays(3).TotalSeconds);
        summary.P90Seconds.ShouldBe(TimeSpan.FromDays(10).TotalSeconds);
    }

    [Fact]
    public void Summary_OfNothing_HasNoFigures() =>
        PatchTimeSummary.Of(null, []).ShouldBe(new PatchTimeSummary(null, 0, 0, null, null, null, []), new PatchTimeSummaryComparer());

    private static RepositoryExposure Exposure(StateSpan[] spans, VulnerabilitySighting[] sightings, string[] scanned) => new(spans, sightings, scanned);

    private static StateSpan Span(string digest, int fromDay, int? toDay) => new(digest, "Active", T0.AddDays(fromDay), toDay is { } d ? T0.AddDays(d) : null);

    private static VulnerabilitySighting Sighting(string digest, string id, int day, bool present = true) => new(digest, id, T0.AddDays(day), present);

    private sealed class PatchTimeSummaryComparer : IEqualityComparer<PatchTimeSummary>
    {
        public bool Equals(PatchTimeSummary? x, PatchTimeSummary? y) =>
            x is not null && y is not null && (x with { Items = [] }) == (y with { Items = [] }) && x.Items.SequenceEqual(y.Items);

        public int GetHashCode(PatchTimeSummary obj) => obj.Patched;
    }
}
