using Vivido.Cli.Tests.Support;
using Vivido.Testing;

namespace Vivido.Cli.Tests;

/// <summary>Byte-body requests retry like the JSON one: one Idempotency-Key per write across its attempts, none on reads.</summary>
public sealed class ClientBytesRetryTests
{
    private const string Ingested = """
        {"evidence":{"id":7,"digest":"sha256:aa","kind":"scan","format":"trivy","fact":{"critical":1,"high":0,"medium":0,"low":0,"unknown":0,"score":0},"rawSha256":"00","rawSize":2,"mediaType":"application/json","actor":"ci","at":"2026-01-01T00:00:00Z"},"transition":null}
        """;

    [Fact]
    public async Task Post_503TwiceThen201_RetriesWithTheSameGeneratedKey()
    {
        await using var stub = await StubServer.StartAsync(StubReply.Unavailable(), StubReply.Unavailable(), new StubReply(201, Ingested));
        using var client = new VividoClient(new ClientSettings(stub.Url, "t"), new ImmediateTimeProvider());

        var response = await client.SendBytesAsync(HttpMethod.Post, "api/v1/images/sha256:aa/scans", "{}"u8.ToArray(), "application/json", CancellationToken.None);

        response.Status.ShouldBe(201);
        var keys = stub.Requests.Select(r => r.IdempotencyKey).ToList();
        keys.Count.ShouldBe(3);
        keys.Distinct().ShouldHaveSingleItem().ShouldStartWith("vivido-cli-");
    }

    [Fact]
    public async Task Get_503ThenOk_IsRetriedWithoutAKey()
    {
        await using var stub = await StubServer.StartAsync(StubReply.Unavailable(), StubReply.Ok());
        using var client = new VividoClient(new ClientSettings(stub.Url, "t"), new ImmediateTimeProvider());

        var response = await client.SendBytesAsync(HttpMethod.Get, "api/v1/images/sha256:aa/evidence/1/raw", null, null, CancellationToken.None);

        response.Status.ShouldBe(200);
        stub.Requests.Count.ShouldBe(2);
        stub.Requests.ShouldAllBe(r => r.IdempotencyKey.Length == 0);
    }

    [Fact]
    public async Task ScanIngestVerb_503ThenCreated_SucceedsWithOneKey()
    {
        await using var stub = await StubServer.StartAsync(StubReply.Unavailable(), new StubReply(201, Ingested));
        var report = TestPaths.Fixture("trivy", "trivy-alpine-3.9.4-critical.json");

        var run = await CliRun.RunAsync("scan", "ingest", report, "--image", "sha256:aa", "--server", stub.Url.ToString(), "--token", "t");

        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.ShouldBe("scan 7 attached to sha256:aa: trivy, critical 1, high 0, medium 0, low 0, unknown 0, score 0\n");
        stub.Requests.Select(r => r.IdempotencyKey).Distinct().ShouldHaveSingleItem().ShouldNotBeEmpty();
    }

    [Fact]
    public async Task ImportVerb_BadBundle_SendsNothing()
    {
        await using var stub = await StubServer.StartAsync(StubReply.Ok());
        var notATar = TestPaths.Fixture("trivy", "trivy-alpine-3.9.4-critical.json");

        var run = await CliRun.RunAsync("evidence", "import", notATar, "--server", stub.Url.ToString(), "--token", "t");

        run.ExitCode.ShouldBe(1);
        stub.Requests.ShouldBeEmpty();
    }
}
