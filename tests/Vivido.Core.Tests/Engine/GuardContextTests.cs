using Vivido.Cel;
using Vivido.Core.Engine;
using Vivido.Core.Images;
using Vivido.Core.Lifecycles.Loading;
using Vivido.Core.Tests.Support;

namespace Vivido.Core.Tests.Engine;

/// <summary>The variables guards see are a contract: these tests pin their names, types and absence rules.</summary>
public class GuardContextTests
{
    private static readonly DateTimeOffset At = TestImages.Now.AddHours(-3);

    private static readonly ImageFacts AllFacts = new(
        TestImages.CleanScan(At),
        new SbomFact("cyclonedx", 42, At) { SpecVersion = "1.6" },
        new SignatureFact(true, "ci@example.com", At),
        new ProvenanceFact("github-actions", true, At) { SourceRepo = "https://github.com/org/app", BuildType = "https://slsa-framework.github.io/github-actions-buildtypes/workflow/v1" },
        [new TestResultFact("e2e", true, At)],
        [new ApprovalFact("bob", "release-manager", "ship it", At)],
        [TestImages.Deployment("staging", DeploymentStatus.Degraded)]);

    [Theory]
    [InlineData("image.digest == 'sha256:1111111111111111111111111111111111111111111111111111111111111111'")]
    [InlineData("image.repository == 'registry.example.com/team/app'")]
    [InlineData("image.state == 'Staged' && image.version == 1")]
    [InlineData("image.enteredStateAt == timestamp('2025-12-31T00:00:00Z')")]
    [InlineData("image.tags == ['v1'] && image.attributes.arch == 'amd64' && !image.vetoed")]
    [InlineData("image.scan.scanner == 'trivy' && image.scan.critical == 0 && image.scan.high == 1")]
    [InlineData("image.scan.medium == 2 && image.scan.low == 3 && image.scan.unknown == 0")]
    [InlineData("image.scan.score == 9.5 && image.scan.cves == ['CVE-2024-0001'] && now - image.scan.at == duration('3h')")]
    [InlineData("image.sbom.present && image.sbom.format == 'cyclonedx' && image.sbom.components == 42 && image.sbom.at < now")]
    [InlineData("image.scan.scannedAt == image.scan.at")]
    [InlineData("image.provenance.sourceRepo == 'https://github.com/org/app' && image.provenance.buildType.endsWith('/workflow/v1')")]
    [InlineData("image.signature.verified && image.signature.identity == 'ci@example.com'")]
    [InlineData("image.provenance.builder == 'github-actions' && image.provenance.verified")]
    [InlineData("image.tests[0].suite == 'e2e' && image.tests[0].passed && image.tests[0].at == image.scan.at")]
    [InlineData("image.approvals.exists(a, a.actor == 'bob' && a.role == 'release-manager' && a.comment == 'ship it')")]
    [InlineData("image.deployments.all(d, d.environment == 'staging' && d.cluster == 'eu-1' && d.namespace == 'staging')")]
    [InlineData("image.deployments[0].workload == 'app' && image.deployments[0].status == 'degraded'")]
    [InlineData("image.deployments[0].firstSeen < image.deployments[0].lastSeen")]
    [InlineData("event.name == 'promote' && event.actor == 'alice' && event.roles == ['ci', 'admin']")]
    [InlineData("event.reason == 'test' && event.params.to == 'Active'")]
    [InlineData("repository.name == 'registry.example.com/team/app'")]
    [InlineData("repository.active == ['sha256:aa'] && repository.deprecated == ['sha256:bb']")]
    [InlineData("now == timestamp('2026-01-01T00:00:00Z')")]
    public void Evaluate_FullContext_ExposesDocumentedShape(string expression) =>
        Evaluate(expression, TestImages.In("Staged", AllFacts, enteredAt: TestImages.Now.AddDays(-1))).ShouldBe(CelValue.True);

    [Theory]
    [InlineData("!has(image.scan) && !image.sbom.present && image.sbom.components == 0 && !has(image.sbom.at)")]
    [InlineData("!has(image.signature) && !has(image.provenance)")]
    [InlineData("size(image.tests) == 0 && size(image.approvals) == 0 && size(image.deployments) == 0")]
    [InlineData("!has(event.params.to)")]
    public void Evaluate_NoEvidence_AbsentKeysAndEmptyLists(string expression) =>
        Evaluate(expression, TestImages.In("Building"), parameters: []).ShouldBe(CelValue.True);

    [Fact]
    public void TryResolve_UnknownName_IsFalse()
    {
        var context = GuardContext.Create(TestImages.In("Building"), TestImages.Request("x"), TestImages.Repository(), TestImages.Now);

        context.TryResolve("images", out _).ShouldBeFalse();
        context.TryResolve("image", out var image).ShouldBeTrue();
        image.Kind.ShouldBe(CelKind.Map);
    }

    [Fact]
    public void Evaluate_ScanWithItsOwnTime_ScannedAtIsTheReportTime()
    {
        var scan = TestImages.CleanScan(At) with { ScannedAt = At.AddHours(-5) };

        Evaluate("now - image.scan.scannedAt == duration('8h')", TestImages.In("Staged", ImageFacts.None with { Scan = scan })).ShouldBe(CelValue.True);
    }

    internal static CelValue Evaluate(string expression, ImageSnapshot image, Dictionary<string, string>? parameters = null)
    {
        var request = TestImages.Request("promote", ["ci", "admin"], parameters ?? new() { ["to"] = "Active" });
        var repository = new RepositoryContext("registry.example.com/team/app", ["sha256:aa"], ["sha256:bb"]);
        var context = GuardContext.Create(image, request, repository, TestImages.Now);
        return GuardCompiler.Compile(expression).Evaluate(context);
    }
}
