using Microsoft.AspNetCore.Builder;
using Vivido.Core.Images;
using Vivido.Core.Storage;
using Vivido.Server;
using Vivido.Store.Sqlite;

namespace Vivido.Cli.Tests.Support;

/// <summary>
/// A used SQLite install, built through a real server and the CLI: images with history (accepted and
/// rejected), tags and tag moves, evidence, approvals, a veto, a deployment, idempotency keys and tokens.
/// The server is stopped when <see cref="CreateAsync"/> returns, as <c>db copy</c> wants.
/// </summary>
internal sealed class SqliteInstall
{
    public const string AdminSecret = "sqlite-install-admin-secret-01";

    private SqliteInstall(string databaseFile, string readerSecret, IReadOnlyList<string> digests)
    {
        DatabaseFile = databaseFile;
        ReaderSecret = readerSecret;
        Digests = digests;
    }

    public string DatabaseFile { get; }

    /// <summary>The secret of the <c>reader-bot</c> token created through the CLI.</summary>
    public string ReaderSecret { get; }

    public IReadOnlyList<string> Digests { get; }

    public static async Task<SqliteInstall> CreateAsync(string directory)
    {
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, "vivido.db");
        using var store = new SqliteStore(file);
        var app = await VividoServer.CreateAsync(
            new VividoServerOptions { DataDirectory = directory, Urls = ["http://127.0.0.1:0"], BootstrapToken = AdminSecret, ConsoleLogging = false, RunJobs = false },
            store);
        await app.StartAsync();
        try
        {
            var url = app.Urls.First();
            async Task<ClientRun> Cli(params string[] args)
            {
                var run = await ClientRun.RunAsync([.. args, "--server", url, "--token", AdminSecret]);
                run.ExitCode.ShouldBeOneOf([0, 3], run.Error);
                return run;
            }

            var first = ClientTestServer.NewDigest();
            var second = ClientTestServer.NewDigest();
            await Cli("register", $"team-a/api@{first}", "--tag", "v1");
            await Cli("register", $"team-a/api@{second}", "--tag", "v2", "--attribute", "arch=amd64");
            await Cli("event", first, "scan_failed", "--reason", "trivy: CVE-2025-1234");
            (await Cli("event", second, "scan_passed")).ExitCode.ShouldBe(3, "a rejected attempt is history too");
            await Cli("approve", second, "--role", "release-manager", "--comment", "ok");
            await Cli("veto", first, "--reason", "bad base image");
            await Cli("tags", "set", "team-a/api:stable", second);
            var reader = await Cli("tokens", "create", "reader-bot", "--role", "reader", "-o", "json");
            var now = TimeProvider.System.GetUtcNow();
            await store.AttachEvidenceAsync(new EvidenceAttachment(second, new ScanFact("trivy", 0, 0, 1, 2, 0, 9.5, [], now), "{\"raw\":true}", "application/json", "admin", now));
            await store.RecordDeploymentAsync(new DeploymentReport(second, "staging", "c1", "ns", "deployment/api", DeploymentStatus.Healthy, now));
            return new SqliteInstall(file, reader.Json().GetProperty("secret").GetString()!, [first, second]);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
