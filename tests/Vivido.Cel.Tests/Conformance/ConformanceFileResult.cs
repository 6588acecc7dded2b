namespace Vivido.Cel.Tests.Conformance;

/// <summary>The outcomes of every case in one conformance file, with its counts and target.</summary>
internal sealed record ConformanceFileResult(string File, IReadOnlyList<ConformanceOutcome> Outcomes)
{
    public int Passed => Count(ConformanceStatus.Passed);

    public int Failed => Count(ConformanceStatus.Failed);

    public int Skipped => Count(ConformanceStatus.Skipped);

    /// <summary>Cases that were run (not skipped).</summary>
    public int Run => Passed + Failed;

    /// <summary>Required percentage of run cases that pass.</summary>
    public int TargetPercent => ConformanceSuite.TargetPercents[File];

    /// <summary>Compared in integers so that e.g. 19 of 20 meets 95% exactly.</summary>
    public bool MeetsTarget => Passed * 100L >= TargetPercent * (long)Run;

    /// <summary>Percentage of run cases that passed, "n/a" when none ran.</summary>
    public string PassPercentText => Run == 0 ? "n/a" : (100.0 * Passed / Run).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%";

    private int Count(ConformanceStatus status) => Outcomes.Count(o => o.Status == status);
}
