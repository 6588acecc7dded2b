using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;
using Vivido.Cli.Tests.Support;
using Vivido.Core.Storage;
using Vivido.Store.Postgres;
using Vivido.Store.Sqlite;
using Vivido.Testing;

namespace Vivido.Cli.Tests;

/// <summary><c>--database</c> on PostgreSQL, and <c>db copy</c> from a used SQLite install to PostgreSQL (and back), with a real PostgreSQL server.</summary>
[Collection("postgres")]
public sealed class PostgresCliTests(PostgresServerFixture postgres) : IDisposable
{
    private const string Password = "hunter2-not-echoed";

    private readonly string _directory = Directory.CreateTempSubdirectory("vivido-cli-pg-").FullName;

    [Fact]
    public async Task DbMigrate_PostgresTwice_AppliesThenSaysUpToDate()
    {
        var (name, url) = await NewDatabaseAsync();

        var first = await CliRun.RunAsync("db", "migrate", "--database", url, "--data", _directory);
        var second = await CliRun.RunAsync("db", "migrate", "--database", postgres.Server.ConnectionString(name), "--data", _directory);

        first.ExitCode.ShouldBe(0, first.Error);
        first.Output.ShouldStartWith($"postgres 127.0.0.1:{postgres.Server.Port}/{name}: applied 0001");
        first.Output.ShouldNotContain(Password);
        second.ExitCode.ShouldBe(0, second.Error);
        second.Output.ShouldBe($"postgres 127.0.0.1:{postgres.Server.Port}/{name} is up to date\n");
        File.Exists(Path.Combine(_directory, "vivido.db")).ShouldBeFalse("the SQLite default is not touched");
    }

    [Fact]
    public async Task Serve_Postgres_AnswersReadyzWithTheTokenFileInData()
    {
        var (name, url) = await NewDatabaseAsync();
        var data = Path.Combine(_directory, "data");

        await using var serve = await CliProcess.ServeAsync(
            new Dictionary<string, string?> { [ServeCommand.BootstrapVariable] = "pg-serve-admin-secret-0001", [DatabaseOption.Variable] = url },
            "--data", data, "--replica-id", "replica-a", "--job-interval", "1s", "--lease-ttl", "5s");
        using var http = new HttpClient { BaseAddress = serve.BaseAddress };

        using var ready = await http.GetAsync(new Uri("/readyz", UriKind.Relative));
        ready.StatusCode.ShouldBe(HttpStatusCode.OK);
        serve.StartLine.ShouldContain($"store postgres 127.0.0.1:{postgres.Server.Port}/{name};");
        serve.StartLine.ShouldNotContain(Password);
        File.ReadAllText(Path.Combine(data, "admin.token")).Trim().ShouldBe("pg-serve-admin-secret-0001");
        using var admin = Client(serve, "pg-serve-admin-secret-0001");
        var jobs = await GetJsonAsync(admin, "api/v1/jobs");
        jobs.GetProperty("replicaId").GetString().ShouldBe("replica-a");
        jobs.GetProperty("runJobs").GetBoolean().ShouldBeTrue();
        File.Exists(Path.Combine(data, "vivido.db")).ShouldBeFalse();
    }

    [Fact]
    public async Task Serve_PostgresUnreachable_Exits1WithOneLineWithoutThePassword()
    {
        var run = await CliRun.RunAsync(
            "serve", "--data", Path.Combine(_directory, "data"), "--urls", "http://127.0.0.1:0",
            "--database", $"postgres://postgres:{Password}@127.0.0.1:{ClosedPort()}/nowhere");

        run.ExitCode.ShouldBe(1);
        run.ErrorLines.ShouldHaveSingleItem().ShouldStartWith("vivido: the database is unavailable");
        run.Error.ShouldNotContain(Password);
    }

    [Fact]
    public async Task DbCopy_UsedSqliteInstallToPostgres_CountsMatchAuditVerifiesAndOldTokensWork()
    {
        var install = await SqliteInstall.CreateAsync(Path.Combine(_directory, "old"));
        var (name, url) = await NewDatabaseAsync();

        var copy = await CliRun.RunAsync("db", "copy", "--from", "sqlite:" + install.DatabaseFile, "--to", url);

        copy.ExitCode.ShouldBe(0, copy.Error);
        var source = await CountAsync(new SqliteStore(install.DatabaseFile));
        var target = await CountAsync(new PostgresStore(postgres.Server.ConnectionString(name)));
        target.ShouldBe(source);
        foreach (var table in new[] { "images", "history", "tags", "tag_moves", "evidence", "approvals", "vetoes", "deployments", "idempotency", "tokens" })
        {
            source[table].ShouldBeGreaterThan(0, table);
            copy.Output.ShouldContain($"\n{table.PadRight(StoreSchema.Tables.Max(t => t.Name.Length))}  {source[table]}");
        }

        copy.Output.ShouldContain($"audit verify: ok, {source["history"]} entries\n");
        copy.Output.ShouldEndWith($"copied sqlite {install.DatabaseFile} -> postgres 127.0.0.1:{postgres.Server.Port}/{name}\n");
        copy.Error.ShouldContain($"vivido: copying history... {source["history"]} rows\n");
        copy.Output.ShouldNotContain(Password);

        var data = Path.Combine(_directory, "new-data");
        await using (var serve = await CliProcess.ServeAsync(new Dictionary<string, string?>(), "--data", data, "--database", url, "--no-jobs"))
        {
            using var admin = Client(serve, SqliteInstall.AdminSecret);
            (await GetJsonAsync(admin, "api/v1/jobs")).GetProperty("runJobs").GetBoolean().ShouldBeFalse();
            var images = await GetJsonAsync(admin, "api/v1/images");
            images.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("digest").GetString()).ShouldBe(install.Digests);
            using var reader = Client(serve, install.ReaderSecret);
            (await GetJsonAsync(reader, $"api/v1/images/{install.Digests[1]}/history")).GetProperty("items").GetArrayLength().ShouldBeGreaterThan(1);

            // New rows continue after the copied ids and seqs, on the same hash chain.
            var run = await ClientRun.RunAsync("register", $"team-b/web@{ClientTestServer.NewDigest()}", "--server", serve.BaseAddress!.ToString(), "--token", SqliteInstall.AdminSecret);
            run.ExitCode.ShouldBe(0, run.Error);
            var verify = await GetJsonAsync(admin, "api/v1/audit/verify");
            verify.GetProperty("ok").GetBoolean().ShouldBeTrue();
            verify.GetProperty("entries").GetInt64().ShouldBe(source["history"] + 1);
        }

        File.Exists(Path.Combine(data, "admin.token")).ShouldBeFalse("the copied tokens exist, so no new admin token is created");

        var again = await CliRun.RunAsync("db", "copy", "--from", "sqlite:" + install.DatabaseFile, "--to", url);
        again.ExitCode.ShouldBe(1);
        again.ErrorLines.Last().ShouldContain("is not empty (images 3, history");
        again.Output.ShouldBeEmpty();

        var back = Path.Combine(_directory, "back.db");
        var reverse = await CliRun.RunAsync("db", "copy", "--from", url, "--to", "sqlite:" + back);
        reverse.ExitCode.ShouldBe(0, reverse.Error);
        reverse.Output.ShouldContain($"audit verify: ok, {source["history"] + 1} entries\n");
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private async Task<(string Name, string Url)> NewDatabaseAsync()
    {
        var name = "cli_" + Guid.NewGuid().ToString("N")[..24];
        await postgres.Server.CreateDatabaseAsync(name);
        var url = postgres.Server.Url(name).Replace("postgres://postgres@", $"postgres://postgres:{Password}@", StringComparison.Ordinal);
        return (name, url);
    }

    private static async Task<Dictionary<string, long>> CountAsync(IVividoStore store)
    {
        try
        {
            var counts = await store.CountRowsAsync();
            return StoreSchema.Tables.Where(t => counts.ContainsKey(t.Name)).ToDictionary(t => t.Name, t => counts[t.Name]);
        }
        finally
        {
            (store as IDisposable)?.Dispose();
        }
    }

    private static HttpClient Client(CliProcess serve, string token)
    {
        var http = new HttpClient { BaseAddress = serve.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    private static async Task<JsonElement> GetJsonAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
