namespace Vivido.Cli;

/// <summary>What an import did: digests registered, already known, and what failed (with why).</summary>
internal sealed record ImportReport(int New, int Known, int Tags, IReadOnlyList<ImportFailure> Failures)
{
    public int Failed => Failures.Count;
}
