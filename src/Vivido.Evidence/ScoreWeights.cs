namespace Vivido.Evidence;

/// <summary>
/// The weights of the scan score: <c>score = max(0, 10 − Σ weight(severity) × findings(severity))</c>,
/// rounded to two decimals. The defaults make one critical finding score 0 and one high 9.0, so the
/// default lifecycle's <c>score ≥ 9.0</c> allows at most one high finding (or ten medium ones).
/// Lifecycles set their own under <c>evidence.score.weights</c>.
/// </summary>
public sealed record ScoreWeights(double Critical = 10, double High = 1, double Medium = 0.1, double Low = 0.01, double Unknown = 0.1)
{
    /// <summary>The default weights.</summary>
    public static ScoreWeights Default { get; } = new();

    /// <summary>The score of <paramref name="counts"/>, between 0 and 10.</summary>
    public double Score(SeverityCounts counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var penalty = (Critical * counts.Critical) + (High * counts.High) + (Medium * counts.Medium) + (Low * counts.Low) + (Unknown * counts.Unknown);
        return Math.Round(Math.Max(0, 10 - penalty), 2, MidpointRounding.AwayFromZero);
    }
}
