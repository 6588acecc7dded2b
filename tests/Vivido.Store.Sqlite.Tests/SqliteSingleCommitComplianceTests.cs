namespace Vivido.Store.Sqlite.Tests;

/// <summary>The compliance suite on SQLite with one transaction per write.</summary>
public sealed class SqliteSingleCommitComplianceTests : SqliteComplianceBase
{
    protected override bool GroupCommit => false;
}
