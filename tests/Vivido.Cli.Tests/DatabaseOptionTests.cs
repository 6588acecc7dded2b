using Vivido.Cli.Tests.Support;

namespace Vivido.Cli.Tests;

/// <summary>Choosing the database: --database, VIVIDO_DATABASE, the SQLite file in --data; bad values are one line without the password.</summary>
public sealed class DatabaseOptionTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("vivido-database-option-").FullName;

    [Fact]
    public void Resolve_FlagThenEnvironmentThenDataFolder()
    {
        var data = Path.Combine(_directory, "data");
        string? Environment(string name) => name == DatabaseOption.Variable ? "postgres://env/db" : null;

        DatabaseOption.Resolve("sqlite:/x.db", data, Environment).ShouldBe("sqlite:/x.db");
        DatabaseOption.Resolve(null, data, Environment).ShouldBe("postgres://env/db");
        DatabaseOption.Resolve(" ", data, _ => null).ShouldBe("sqlite:" + Path.Combine(data, "vivido.db"));
    }

    [Fact]
    public async Task DbMigrate_SqliteDatabase_UsesThatFileNotTheDataFolder()
    {
        var file = Path.Combine(_directory, "elsewhere", "store.db");

        var first = await CliRun.RunAsync("db", "migrate", "--data", Path.Combine(_directory, "data"), "--database", "sqlite:" + file);
        var second = await CliRun.RunAsync("db", "migrate", "--data", Path.Combine(_directory, "data"), "--database", "sqlite:" + file);

        first.ExitCode.ShouldBe(0, first.Error);
        first.Output.ShouldStartWith($"sqlite {file}: applied 0001");
        second.Output.ShouldBe($"sqlite {file} is up to date\n");
        File.Exists(file).ShouldBeTrue();
        File.Exists(Path.Combine(_directory, "data", "vivido.db")).ShouldBeFalse();
    }

    [Fact]
    public async Task DbMigrate_VividoDatabaseVariable_IsUsedWithoutTheFlag()
    {
        var file = Path.Combine(_directory, "from-env.db");

        var run = await CliProcess.RunAsync(
            new Dictionary<string, string?> { [DatabaseOption.Variable] = "sqlite:" + file },
            "db", "migrate", "--data", Path.Combine(_directory, "data"));

        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.ShouldStartWith($"sqlite {file}: applied 0001");
        File.Exists(file).ShouldBeTrue();
    }

    [Theory]
    [InlineData("mysql://root:s3cret-pw@db.example.com/vivido", "unsupported database 'mysql://...'")]
    [InlineData("postgres://vivido:s3cret-pw@db.example.com:notaport/vivido", "invalid port")]
    [InlineData("postgresql://vivido:s3cret-pw@db.example.com/vivido?sslmode=sometimes", "invalid sslmode")]
    [InlineData("postgres://vivido:s3cret-pw@db.example.com/vivido?color=blue", "unknown parameter 'color'")]
    [InlineData("Host=db.example.com;Password=s3cret-pw;Flavour=mint", "malformed PostgreSQL connection string")]
    [InlineData("s3cret-pw", "unrecognised database")]
    [InlineData("sqlite:", "sqlite: needs a file path")]
    public async Task DbMigrate_BadDatabase_Exits1WithOneLineWithoutThePassword(string database, string message)
    {
        var run = await CliRun.RunAsync("db", "migrate", "--data", Path.Combine(_directory, "data"), "--database", database);

        run.ExitCode.ShouldBe(1);
        run.ErrorLines.ShouldHaveSingleItem().ShouldContain(message);
        run.Error.ShouldNotContain("s3cret-pw");
        run.Output.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("--job-interval", "0s", "--job-interval expects a positive duration")]
    [InlineData("--job-interval", "soon", "--job-interval expects a positive duration")]
    [InlineData("--lease-ttl", "5s", "--lease-ttl (5s) must be longer than --job-interval (10s)")]
    [InlineData("--replica-id", " ", "--replica-id must be 1-200 characters")]
    [InlineData("--max-document-bytes", "10", "--max-document-bytes must be between 1024 and 1073741824")]
    [InlineData("--cluster", " ", "--cluster must be 1-253 characters")]
    public async Task Serve_BadJobSetting_Exits1WithOneLineBeforeOpeningAnything(string option, string value, string message)
    {
        var data = Path.Combine(_directory, "serve-data");

        var run = await CliRun.RunAsync("serve", "--data", data, "--urls", "http://127.0.0.1:0", option, value);

        run.ExitCode.ShouldBe(1);
        run.ErrorLines.ShouldHaveSingleItem().ShouldContain(message);
        Directory.Exists(data).ShouldBeFalse();
    }

    [Theory]
    [InlineData("500ms", 500)]
    [InlineData("30s", 30_000)]
    [InlineData("2m", 120_000)]
    [InlineData("1m30s", 90_000)]
    [InlineData("1h", 3_600_000)]
    [InlineData("1d", 86_400_000)]
    public void DurationText_Valid_Parses(string text, long milliseconds) =>
        DurationText.Parse(text, "--x").ShouldBe(TimeSpan.FromMilliseconds(milliseconds));

    [Theory]
    [InlineData("")]
    [InlineData("10")]
    [InlineData("s")]
    [InlineData("30s1m")]
    [InlineData("1s1s")]
    [InlineData("-5s")]
    [InlineData("0m")]
    [InlineData("1w")]
    public void DurationText_Invalid_IsRejected(string text) => DurationText.TryParse(text, out _).ShouldBeFalse();

    [Theory]
    [InlineData("invalid port 'x:y' at s3cret", "postgres://u:s3cret@h/db")]
    [InlineData("bad value s%40cret or s@cret", "postgres://u:s%40cret@h/db")]
    [InlineData("near password=s3cret;", "Host=h;Password=s3cret;Port=x")]
    public void Redact_RemovesThePasswordFromMessages(string message, string database)
    {
        var redacted = StoreFactory.Redact(message, database);

        redacted.ShouldContain("***");
        redacted.ShouldNotContain("cret");
    }

    [Theory]
    [InlineData("serve", "--database", "--replica-id", "--job-interval", "--lease-ttl", "--no-jobs", "--max-document-bytes", "--admission-unknown-tags", "--cluster", "--admission-anonymous", "VIVIDO_DATABASE")]
    [InlineData("db migrate", "--database", "--data", "VIVIDO_DATABASE")]
    [InlineData("db copy", "--from", "--to", "--data", "empty")]
    public async Task Help_DescribesTheDatabaseOptions(string verb, params string[] expected)
    {
        var run = await CliRun.RunAsync([.. verb.Split(' '), "--help"]);

        run.ExitCode.ShouldBe(0, run.Error);
        foreach (var text in expected)
        {
            run.Output.ShouldContain(text);
        }
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
