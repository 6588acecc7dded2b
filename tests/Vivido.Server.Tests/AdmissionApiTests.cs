using System.Text.Json;
using Vivido.Core.Images;
using Vivido.Core.Storage;
using Vivido.Server.Tests.Support;
using Vivido.Testing;

namespace Vivido.Server.Tests;

/// <summary>The admission webhooks over HTTP, answering from the real store with the default lifecycle.</summary>
public sealed class AdmissionApiTests : IAsyncLifetime
{
    private const string Charlie = "sha256:91ac9b26df583762234c1cdb2fc930364754ccc59bc752a2bfe298d2ea68f9ff";
    private ServerHarness? _server;

    private ServerHarness Server => _server!;

    public async Task InitializeAsync() => _server = await ServerHarness.StartAsync();

    public async Task DisposeAsync() => await _server!.DisposeAsync();

    [Fact]
    public async Task Validate_ConnaisseurPodFixture_AllowedAndRecordedWhereItRuns()
    {
        await RegisterAsync("docker.io/securesystemsengineering/charlie-image", Charlie, "Active");

        var response = await AdmissionReviews.PostAsync(Server.Admin, "/admission/validate", Fixture("admission-review-v1-pod-create-digest.json"));

        (response.GetProperty("uid").GetString(), response.GetProperty("allowed").GetBoolean()).ShouldBe(("0c3331b6-1812-11ea-b3fc-02897404852e", true));
        var deployment = (await Server.Store.ListDeploymentsAsync(Charlie)).ShouldHaveSingleItem();
        (deployment.Environment, deployment.Cluster, deployment.Namespace, deployment.Workload, deployment.Status)
            .ShouldBe(("test-connaisseur", "default", "test-connaisseur", "replicaset/charlie-deployment-76fbf58b7d", DeploymentStatus.Progressing));
    }

    [Fact]
    public async Task Validate_V1beta1DeploymentWithUnknownTags_DeniedNamingEachImage()
    {
        var response = await AdmissionReviews.PostAsync(Server.Admin, "/admission/validate", Fixture("admission-review-v1beta1-deployment-create-multi-image.json"));

        response.GetProperty("allowed").GetBoolean().ShouldBeFalse();
        response.GetProperty("status").GetProperty("code").GetInt32().ShouldBe(403);
        var message = response.GetProperty("status").GetProperty("message").GetString()!;
        message.ShouldContain("tag docker.io/library/busybox:1.32 is unknown to Vivido");
        message.ShouldContain("tag docker.io/library/redis:alpine is unknown to Vivido");
        message.ShouldContain("tag docker.io/library/mysql:8 is unknown to Vivido");
    }

    [Fact]
    public async Task Validate_ProdNamespace_AllowsActiveDeniesDeprecatedWithStateAndRule()
    {
        var active = await RegisterAsync("registry.example.com/team/api", TestDigests.New(), "Active");
        var deprecated = await RegisterAsync("registry.example.com/team/worker", TestDigests.New(), "Deprecated");

        var allowed = await AdmissionReviews.PostAsync(Server.Admin, "/admission/validate",
            AdmissionReviews.Deployment("prod-eu", [$"registry.example.com/team/api@{active}"]));
        var denied = await AdmissionReviews.PostAsync(Server.Admin, "/admission/validate",
            AdmissionReviews.Deployment("prod-eu", [$"registry.example.com/team/api@{active}", $"registry.example.com/team/worker@{deprecated}"]));
        var elsewhere = await AdmissionReviews.PostAsync(Server.Admin, "/admission/validate",
            AdmissionReviews.Deployment("staging", [$"registry.example.com/team/worker@{deprecated}"]));

        allowed.GetProperty("allowed").GetBoolean().ShouldBeTrue();
        denied.GetProperty("allowed").GetBoolean().ShouldBeFalse();
        denied.GetProperty("status").GetProperty("message").GetString()
            .ShouldBe($"container \"c1\" image registry.example.com/team/worker@{deprecated} is Deprecated; namespace prod-eu allows Active (rule prod-*)");
        elsewhere.GetProperty("allowed").GetBoolean().ShouldBeTrue();
        (await Server.Store.ListDeploymentsAsync(deprecated)).Select(d => d.Namespace).ShouldBe(["staging"]);
    }

    [Fact]
    public async Task Validate_TagKnownToVivido_ResolvedAndAllowedWithAWarning()
    {
        var digest = await RegisterAsync("registry.example.com/team/api", TestDigests.New(), "Active");
        await Server.Admin.SendAsync(HttpMethod.Put, "/api/v1/tags", new { repository = "registry.example.com/team/api", tag = "v1", digest });

        var response = await AdmissionReviews.PostAsync(Server.Admin, "/admission/validate", AdmissionReviews.Deployment("prod-eu", ["registry.example.com/team/api:v1"]));

        response.GetProperty("allowed").GetBoolean().ShouldBeTrue();
        response.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()).ShouldContain(w => w!.Contains("tag-only", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Mutate_PinsKnownTagsAndLeavesTheRest()
    {
        var digest = await RegisterAsync("registry.example.com/team/api", TestDigests.New(), "Active");
        await Server.Admin.SendAsync(HttpMethod.Put, "/api/v1/tags", new { repository = "registry.example.com/team/api", tag = "v1", digest });

        var response = await AdmissionReviews.PostAsync(Server.Admin, "/admission/mutate",
            AdmissionReviews.Deployment("prod-eu", ["registry.example.com/team/api:v1", "nginx:1.25", $"registry.example.com/team/api@{digest}"]));

        response.GetProperty("allowed").GetBoolean().ShouldBeTrue();
        var operation = AdmissionReviews.Patch(response).EnumerateArray().ShouldHaveSingleItem();
        (operation.GetProperty("op").GetString(), operation.GetProperty("path").GetString(), operation.GetProperty("value").GetString())
            .ShouldBe(("replace", "/spec/template/spec/containers/0/image", $"registry.example.com/team/api:v1@{digest}"));
        response.GetProperty("warnings").EnumerateArray().ShouldHaveSingleItem().GetString()!.ShouldContain("nginx");
    }

    [Fact]
    public async Task Validate_BreakGlass_AdmitsRecordsAnOverrideAndAnEvent()
    {
        var digest = await RegisterAsync("registry.example.com/team/api", TestDigests.New(), "Quarantined");
        var annotations = new Dictionary<string, string> { ["vivido.dev/break-glass"] = "INC-4711: payments down, hotfix" };

        var dry = await AdmissionReviews.PostAsync(Server.Admin, "/admission/validate",
            AdmissionReviews.Deployment("prod-eu", [$"registry.example.com/team/api@{digest}"], dryRun: true, annotations));
        var historyAfterDryRun = await Server.Store.ReadHistoryAsync(digest);
        var response = await AdmissionReviews.PostAsync(Server.Admin, "/admission/validate",
            AdmissionReviews.Deployment("prod-eu", [$"registry.example.com/team/api@{digest}"], annotations: annotations));

        dry.GetProperty("allowed").GetBoolean().ShouldBeTrue();
        historyAfterDryRun.Count.ShouldBe(1);
        response.GetProperty("allowed").GetBoolean().ShouldBeTrue();
        var entry = (await Server.Store.ReadHistoryAsync(digest))[^1];
        (entry.Kind, entry.Event, entry.From, entry.To, entry.Actor, entry.Reason)
            .ShouldBe((HistoryKind.Override, "break-glass", "Quarantined", "Quarantined", "k8s:alice@example.com", "INC-4711: payments down, hotfix"));
        entry.Params["workload"].ShouldBe("deployment/web");
        var message = (await Server.Store.ReadOutboxAsync(0, 100)).Where(m => m.Topic == "admission.break-glass").ShouldHaveSingleItem();
        JsonDocument.Parse(message.Payload).RootElement.GetProperty("digest").GetString().ShouldBe(digest);
        (await Server.Store.ListDeploymentsAsync(digest)).ShouldHaveSingleItem().Namespace.ShouldBe("prod-eu");
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\"}")]
    [InlineData("{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\",\"request\":{\"uid\":\"u-9\",\"kind\":{\"kind\":\"Pod\"},\"operation\":\"CREATE\",\"object\":{\"spec\":{\"containers\":[{\"name\":\"a\",\"image\":42}]}}}}")]
    public async Task Validate_Malformed_AnswersAnAdmissionReviewError(string body)
    {
        var before = await Server.CountsAsync();

        var response = await AdmissionReviews.PostAsync(Server.Admin, "/admission/validate", body);

        response.GetProperty("allowed").GetBoolean().ShouldBeFalse();
        response.GetProperty("status").GetProperty("code").GetInt32().ShouldBe(400);
        response.GetProperty("status").GetProperty("message").GetString().ShouldNotBeNullOrWhiteSpace();
        (await Server.CountsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Validate_WithoutTokenOrAsReader_IsRefused()
    {
        var reader = await Server.TokenAsync("reader-" + Guid.NewGuid().ToString("N")[..8], ["reader"]);
        var review = AdmissionReviews.Deployment("prod-eu", ["nginx:1.25"]);

        using var anonymous = await Server.Anonymous.SendAsync(HttpMethod.Post, "/admission/validate", review);
        using var asReader = await reader.SendAsync(HttpMethod.Post, "/admission/validate", review);

        await anonymous.ShouldBeProblemAsync(401);
        await asReader.ShouldBeProblemAsync(403);
    }

    [Fact]
    public async Task Validate_AnonymousAllowedByOption_Answers()
    {
        await using var open = await ServerHarness.StartAsync(configure: o => o with { AdmissionAnonymous = true });

        var response = await AdmissionReviews.PostAsync(open.Anonymous, "/admission/validate", AdmissionReviews.Deployment("prod-eu", ["nginx:1.25"]));

        response.GetProperty("allowed").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task Check_SameDecisionForOneImage()
    {
        var digest = await RegisterAsync("registry.example.com/team/api", TestDigests.New(), "Deprecated");

        var prod = await Server.Admin.GetJsonAsync($"/api/v1/check?image={Uri.EscapeDataString($"registry.example.com/team/api@{digest}")}&namespace=prod-eu");
        var staging = await Server.Admin.GetJsonAsync($"/api/v1/check?image={Uri.EscapeDataString($"registry.example.com/team/api@{digest}")}&namespace=staging");

        (prod.GetProperty("allowed").GetBoolean(), prod.Str("state"), prod.Str("digest")).ShouldBe((false, "Deprecated", digest));
        prod.Str("reason").ShouldBe($"image registry.example.com/team/api@{digest} is Deprecated; namespace prod-eu allows Active (rule prod-*)");
        staging.GetProperty("allowed").GetBoolean().ShouldBeTrue();
        (await Server.Store.ListDeploymentsAsync(digest)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("image=nginx&namespace=Prod_EU", "namespace")]
    [InlineData("image=Nginx&namespace=prod", "image")]
    [InlineData("namespace=prod", "image")]
    public async Task Check_BadInput_Returns400NamingTheField(string query, string field)
    {
        using var response = await Server.Admin.GetAsync("/api/v1/check?" + query);

        await response.ShouldBeProblemAsync(400, field);
    }

    private async Task<string> RegisterAsync(string repository, string digest, string state)
    {
        await Server.Store.RegisterImageAsync(new ImageRegistration(digest, repository, state, [], new Dictionary<string, string>(), "ci", Server.Time.GetUtcNow()));
        return digest;
    }

    private static string Fixture(string file) => File.ReadAllText(TestPaths.Fixture("k8s-admission", file));
}
