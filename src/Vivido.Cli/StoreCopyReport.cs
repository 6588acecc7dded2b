using Vivido.Core.Storage;

namespace Vivido.Cli;

/// <summary>What <see cref="StoreCopier"/> found after a copy: rows per table and the target's hash chain.</summary>
internal sealed record StoreCopyReport(IReadOnlyList<StoreCopyReport.Table> Tables, AuditVerification Audit)
{
    /// <summary>The copy is good when every table has as many rows in the target as in the source (and as were written) and the chain verifies.</summary>
    public bool Ok => Mismatches.Count == 0 && Audit.Ok;

    public IReadOnlyList<Table> Mismatches => [.. Tables.Where(t => t.Source != t.Target || t.Written != t.Source)];

    /// <summary>One table's rows: in the source and the target after the copy, and as written by the copy.</summary>
    internal sealed record Table(string Name, long Source, long Target, long Written);
}
