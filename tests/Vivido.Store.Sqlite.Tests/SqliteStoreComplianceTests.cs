namespace Vivido.Store.Sqlite.Tests;

/// <summary>The compliance suite on SQLite with group commit (the default).</summary>
public sealed class SqliteStoreComplianceTests : SqliteComplianceBase
{
    protected override bool GroupCommit => true;
}
