using Vivido.Server.Tests.Support;

namespace Vivido.Server.Tests;

/// <summary>The incident responder's queries and time to patch, over HTTP, from real documents.</summary>
public sealed class VulnerabilitiesApiTests
{
    [Fact]
    public async Task ImagesWithCve_ListsStateFindingsAndDeployments()
    {
        await using var server = await ServerHarness.StartAsync();
        var digest = await server.RegisterAsync(TestDigests.NewRepository());
        await server.DeployAsync(digest, "staging");
        await server.Admin.PostJsonAsync($"/api/v1/images/{digest}/scans", EvidenceApiTests.Fixture("trivy", "trivy-alpine-3.9.4-critical.json"), 201);

        var found = await server.Admin.GetJsonAsync("/api/v1/vulnerabilities/cve-2019-14697/images");

        var image = found.Items("images").ShouldHaveSingleItem();
        (image.Str("digest"), image.Str("state")).ShouldBe((digest, "Quarantined"));
        image.Items("findings").Select(f => f.Str("package")).ShouldBe(["musl", "musl-utils"], ignoreOrder: true);
        image.Items("findings").ShouldAllBe(f => f.Str("severity") == "critical");
        image.Items("deployments").ShouldHaveSingleItem().Str("environment").ShouldBe("staging");
        (await server.Admin.GetJsonAsync("/api/v1/vulnerabilities/CVE-1999-0001/images")).Items("images").ShouldBeEmpty();
    }

    [Fact]
    public async Task ImageVulnerabilities_UniqueWorstFirstWithCvssAndFix()
    {
        await using var server = await ServerHarness.StartAsync();
        var digest = await server.RegisterAsync(TestDigests.NewRepository());
        await server.Admin.PostJsonAsync($"/api/v1/images/{digest}/scans", EvidenceApiTests.Fixture("trivy", "trivy-alpine-3.9.4-critical.json"), 201);

        var items = (await server.Admin.GetJsonAsync($"/api/v1/images/{digest}/vulnerabilities")).Items();

        items.Count.ShouldBe(3);
        var worst = items[0];
        (worst.Str("id"), worst.Str("severity"), worst.GetProperty("cvss").GetDouble()).ShouldBe(("CVE-2019-14697", "critical", 9.8));
        worst.Items("fixedVersions").Select(v => v.GetString()).ShouldBe(["1.1.20-r5"]);
        worst.Items("findings").Select(f => f.Str("package")).ShouldBe(["musl", "musl-utils"], ignoreOrder: true);
        items.Skip(1).ShouldAllBe(i => i.Str("severity") == "medium");
    }

    [Fact]
    public async Task Packages_ByPurlWithAndWithoutVersion_FromTheSbom()
    {
        await using var server = await ServerHarness.StartAsync();
        var digest = await server.RegisterAsync("docker.io/library/alpine", "sha256:19b4bcc4f60e99dd5ebdca0cbce22c503bbcff197549d7e19dab4f22254dc864");
        await server.Admin.PostJsonAsync($"/api/v1/images/{digest}/sboms", EvidenceApiTests.Fixture("spdx", "trivy-0.58.0-alpine-3.15.spdx.json"), 201);

        var any = await server.Admin.GetJsonAsync("/api/v1/packages?purl=pkg:apk/alpine/musl");
        var exact = await server.Admin.GetJsonAsync("/api/v1/packages?purl=" + Uri.EscapeDataString(any.Items("images")[0].GetProperty("package").Str("purl").Split('?')[0]));
        var other = await server.Admin.GetJsonAsync("/api/v1/packages?purl=pkg:apk/alpine/musl@0.0.1");

        any.Items("images").ShouldHaveSingleItem().Str("digest").ShouldBe(digest);
        exact.Items("images").ShouldHaveSingleItem();
        other.Items("images").ShouldBeEmpty();
    }

    [Theory]
    [InlineData("/api/v1/packages", "purl")]
    [InlineData("/api/v1/packages?purl=musl", "purl")]
    [InlineData("/api/v1/time-to-patch?repository=Not%20A%20Repo", "repository")]
    public async Task BadQuery_Returns400NamingTheField(string path, string field)
    {
        await using var server = await ServerHarness.StartAsync();

        using var response = await server.Admin.GetAsync(path);

        await response.ShouldBeProblemAsync(400, field);
    }

    [Fact]
    public async Task TimeToPatch_CveInActiveImageFixedByTheNextPromotion_MeasuresTheGap()
    {
        await using var server = await ServerHarness.StartAsync();
        var repository = TestDigests.NewRepository();
        var vulnerable = await server.ActivateAsync(repository);
        server.Time.Advance(TimeSpan.FromHours(1));
        var scan = await server.Admin.PostJsonAsync($"/api/v1/images/{vulnerable}/scans", EvidenceApiTests.Fixture("trivy", "trivy-alpine-3.9.4-critical.json"), 201);
        server.Time.Advance(TimeSpan.FromDays(2));
        var fixedDigest = await server.ActivateAsync(repository);

        var summary = await server.Admin.GetJsonAsync($"/api/v1/time-to-patch?repository={repository}");
        var perImage = await server.Admin.GetJsonAsync($"/api/v1/images/{vulnerable}/time-to-patch");

        scan.GetProperty("transition").Str("to").ShouldBe("Quarantined");
        var cves = scan.GetProperty("evidence").GetProperty("fact").Items("cves").Count;
        (summary.GetProperty("patched").GetInt32(), summary.GetProperty("open").GetInt32()).ShouldBe((cves, 0));
        summary.Items().ShouldAllBe(i => i.Str("patchedBy") == fixedDigest && i.Str("exposedDigest") == vulnerable);
        // The test clock ticks on by a few milliseconds per request.
        summary.Items().ShouldAllBe(i => Math.Abs(i.GetProperty("seconds").GetDouble() - TimeSpan.FromDays(2).TotalSeconds) < 1);
        summary.GetProperty("medianSeconds").GetDouble().ShouldBe(TimeSpan.FromDays(2).TotalSeconds, 1);
        perImage.Items().Count.ShouldBe(cves);
        (await server.Admin.GetJsonAsync($"/api/v1/images/{fixedDigest}/time-to-patch")).Items().ShouldBeEmpty();
        (await server.Admin.GetJsonAsync("/api/v1/time-to-patch")).GetProperty("patched").GetInt32().ShouldBe(cves);
    }
}
