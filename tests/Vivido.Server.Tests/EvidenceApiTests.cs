using System.Net.Http.Headers;
using System.Text;
using Vivido.Server.Tests.Support;
using Vivido.Testing;

namespace Vivido.Server.Tests;

/// <summary>Evidence over HTTP with real tools' documents: ingest, raw documents back, and bad input.</summary>
public sealed class EvidenceApiTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string JuiceShop = "sha256:33238f8c6291415c499265629b1b82ef791f5a33dff09f25c07264204a26f89b";

    private ServerHarness Server => fixture.Server;

    [Fact]
    public async Task PostScan_AlpineCritical_Returns201WithTheFactAndTheQuarantine()
    {
        var digest = await Server.RegisterAsync(TestDigests.NewRepository());

        var body = await Server.Admin.PostJsonAsync($"/api/v1/images/{digest}/scans", Fixture("trivy", "trivy-alpine-3.9.4-critical.json"), 201);

        var evidence = body.GetProperty("evidence");
        (evidence.Str("kind"), evidence.Str("format"), evidence.Str("digest")).ShouldBe(("scan", "trivy", digest));
        var fact = evidence.GetProperty("fact");
        (fact.Long("critical"), fact.Long("medium"), fact.GetProperty("score").GetDouble()).ShouldBe((2, 4, 0.0));
        var transition = body.GetProperty("transition");
        (transition.Str("event"), transition.GetProperty("accepted").GetBoolean(), transition.Str("to")).ShouldBe(("quarantine", true, "Quarantined"));
        (await Server.Admin.GetJsonAsync($"/api/v1/images/{digest}")).Str("state").ShouldBe("Quarantined");
    }

    [Fact]
    public async Task GetRaw_ReturnsTheDocumentByteForByteWithItsMediaType()
    {
        var digest = await Server.RegisterAsync(TestDigests.NewRepository());
        var document = await File.ReadAllBytesAsync(TestPaths.Fixture("cyclonedx", "trivy-cdx-1.5-centos-7-image.json"));
        using var content = new ByteArrayContent(document) { Headers = { ContentType = new MediaTypeHeaderValue("application/vnd.cyclonedx+json") } };
        using var posted = await Server.Admin.SendAsync(HttpMethod.Post, $"/api/v1/images/{digest}/sboms", content);
        var id = (await posted.ShouldBeJsonAsync(201)).GetProperty("evidence").Long("id");

        using var raw = await Server.Admin.GetAsync($"/api/v1/images/{digest}/evidence/{id}/raw");
        var list = await Server.Admin.GetJsonAsync($"/api/v1/images/{digest}/evidence?kind=sbom");

        raw.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        raw.Content.Headers.ContentType?.MediaType.ShouldBe("application/vnd.cyclonedx+json");
        (await raw.Content.ReadAsByteArrayAsync()).ShouldBe(document);
        var item = list.Items().ShouldHaveSingleItem();
        item.Str("rawSha256").ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(document)));
        item.Long("rawSize").ShouldBe(document.Length);
        item.GetProperty("fact").GetProperty("components").GetInt32().ShouldBe(2);
    }

    [Fact]
    public async Task PostScan_ForAnotherDigest_Returns409AndStoresNothing()
    {
        var digest = await Server.RegisterAsync(TestDigests.NewRepository());
        var before = await Server.CountsAsync();

        using var response = await Server.Admin.PostAsync($"/api/v1/images/{digest}/scans", Fixture("trivy", "trivy-juice-shop-v12.10.2-real-scan-trimmed.json"));

        var problem = await response.ShouldBeProblemAsync(409);
        problem.Str("type").ShouldBe("urn:vivido:problem:evidence-subject-mismatch");
        problem.Str("field").ShouldBe("document");
        problem.Items("subjects").Select(s => s.GetString()).ShouldBe([JuiceShop]);
        (await Server.CountsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task PostScan_FiftyMegabytes_Returns413AndStoresNothing()
    {
        var digest = await Server.RegisterAsync(TestDigests.NewRepository());
        var before = await Server.CountsAsync();
        using var content = new ByteArrayContent(new byte[50 * 1024 * 1024]) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };

        using var response = await Server.Admin.SendAsync(HttpMethod.Post, $"/api/v1/images/{digest}/scans", content, expectContinue: true);

        (await response.ShouldBeProblemAsync(413)).Str("field").ShouldBe("document");
        (await Server.CountsAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData("invalid-utf8")]
    [InlineData("deep")]
    [InlineData("truncated")]
    [InlineData("unknown")]
    public async Task PostScan_BadDocument_Returns400NamingTheDocument(string kind)
    {
        var digest = await Server.RegisterAsync(TestDigests.NewRepository());
        var before = await Server.CountsAsync();
        var alpine = await File.ReadAllBytesAsync(TestPaths.Fixture("trivy", "trivy-alpine-3.9.4-critical.json"));
        byte[] document = kind switch
        {
            "invalid-utf8" => [.. "{\"SchemaVersion\": 2, \"ArtifactName\": \""u8, 0xC3, 0x28, .. "\"}"u8],
            "deep" => Encoding.ASCII.GetBytes(new string('[', 5000) + new string(']', 5000)),
            "truncated" => alpine[..(alpine.Length / 2)],
            _ => "{\"hello\": \"world\"}"u8.ToArray(),
        };
        using var content = new ByteArrayContent(document) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };

        using var response = await Server.Admin.SendAsync(HttpMethod.Post, $"/api/v1/images/{digest}/scans", content);

        await response.ShouldBeProblemAsync(400, "document");
        (await Server.CountsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task PostScan_ReaderToken_Returns403AndScannerToken201()
    {
        var digest = await Server.RegisterAsync(TestDigests.NewRepository());
        var reader = await Server.TokenAsync($"reader-{Guid.NewGuid():N}", ["reader"]);
        var scanner = await Server.TokenAsync($"scanner-{Guid.NewGuid():N}", ["scanner"]);
        var document = Fixture("trivy", "trivy-sle-micro-rancher-5.4-clean.json");

        using var refused = await reader.PostAsync($"/api/v1/images/{digest}/scans", document);
        using var accepted = await scanner.PostAsync($"/api/v1/images/{digest}/scans", document);

        await refused.ShouldBeProblemAsync(403);
        (await accepted.ShouldBeJsonAsync(201)).GetProperty("evidence").Str("actor").ShouldStartWith("scanner-");
    }

    [Fact]
    public async Task PostScan_SameIdempotencyKeyTwice_StoresOnce()
    {
        var digest = await Server.RegisterAsync(TestDigests.NewRepository());
        var headers = new Dictionary<string, string> { ["Idempotency-Key"] = Guid.NewGuid().ToString() };
        var document = Fixture("trivy", "trivy-sle-micro-rancher-5.4-clean.json");

        var first = await Server.Admin.PostJsonAsync($"/api/v1/images/{digest}/scans", document, 201, headers);
        var second = await Server.Admin.PostJsonAsync($"/api/v1/images/{digest}/scans", document, 201, headers);

        second.GetProperty("evidence").Long("id").ShouldBe(first.GetProperty("evidence").Long("id"));
        (await Server.Admin.GetJsonAsync($"/api/v1/images/{digest}/evidence")).Items().Count.ShouldBe(1);
    }

    [Fact]
    public async Task ListEvidence_UnknownKind_Returns400()
    {
        var digest = await Server.RegisterAsync(TestDigests.NewRepository());

        using var response = await Server.Admin.GetAsync($"/api/v1/images/{digest}/evidence?kind=vibes");

        await response.ShouldBeProblemAsync(400, "kind");
    }

    [Fact]
    public async Task GetRaw_UnknownId_Returns404()
    {
        var digest = await Server.RegisterAsync(TestDigests.NewRepository());

        using var response = await Server.Admin.GetAsync($"/api/v1/images/{digest}/evidence/999999/raw");

        await response.ShouldBeProblemAsync(404);
    }

    internal static string Fixture(string folder, string file) => File.ReadAllText(TestPaths.Fixture(folder, file));
}
