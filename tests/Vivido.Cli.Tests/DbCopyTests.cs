using Vivido.Cli.Tests.Support;
using Vivido.Core.Storage;
using Vivido.Store.Sqlite;

namespace Vivido.Cli.Tests;

/// <summary><c>db copy</c> between SQLite files: the default source, refusals. PostgreSQL copies are in <see cref="PostgresCliTests"/>.</summary>
public sealed class DbCopyTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("vivido-db-copy-").FullName;

    [Fact]
    public async Task DbCopy_FromTheDataFolderByDefault_CopiesEveryRowAndVerifies()
    {
        var data = Path.Combine(_directory, "data");
        var install = await SqliteInstall.CreateAsync(data);
        var target = Path.Combine(_directory, "copy", "vivido.db");

        var run = await CliRun.RunAsync("db", "copy", "--data", data, "--to", "sqlite:" + target);

        run.ExitCode.ShouldBe(0, run.Error);
        using var source = new SqliteStore(install.DatabaseFile);
        using var copy = new SqliteStore(target);
        var counts = await source.CountRowsAsync();
        (await copy.CountRowsAsync()).ShouldBe(counts);
        (await copy.VerifyAuditAsync()).ShouldBe(new AuditVerification(true, counts["history"], null));
        run.Output.ShouldEndWith($"copied sqlite {install.DatabaseFile} -> sqlite {target}\n");
    }

    [Fact]
    public async Task DbCopy_SameDatabaseTwice_IsRefused()
    {
        var file = Path.Combine(_directory, "same.db");

        var run = await CliRun.RunAsync("db", "copy", "--from", "sqlite:" + file, "--to", "sqlite:" + file);

        run.ExitCode.ShouldBe(1);
        run.ErrorLines.ShouldHaveSingleItem().ShouldBe($"vivido: --from and --to are the same database (sqlite {file})");
    }

    [Fact]
    public async Task DbCopy_WithoutTo_Exits1NamingTheOption()
    {
        var run = await CliRun.RunAsync("db", "copy", "--from", "sqlite:" + Path.Combine(_directory, "a.db"));

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain("--to");
        File.Exists(Path.Combine(_directory, "a.db")).ShouldBeFalse();
    }

    [Fact]
    public async Task DbCopy_IntoANonEmptySqliteFile_IsRefusedAndWritesNothing()
    {
        var install = await SqliteInstall.CreateAsync(Path.Combine(_directory, "data"));
        var other = await SqliteInstall.CreateAsync(Path.Combine(_directory, "other"));
        using var before = new SqliteStore(other.DatabaseFile);
        var counts = await before.CountRowsAsync();

        var run = await CliRun.RunAsync("db", "copy", "--from", "sqlite:" + install.DatabaseFile, "--to", "sqlite:" + other.DatabaseFile);

        run.ExitCode.ShouldBe(1);
        run.ErrorLines.Last().ShouldStartWith($"vivido: the target sqlite {other.DatabaseFile} is not empty (images 2, history ");
        run.ErrorLines.Last().ShouldEndWith("); db copy needs a freshly created database");
        (await before.CountRowsAsync()).ShouldBe(counts);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
