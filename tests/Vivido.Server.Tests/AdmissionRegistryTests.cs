using Vivido.Core.Admitting;
using Vivido.Core.Storage;
using Vivido.Server.Tests.Support;
using Vivido.Testing;

namespace Vivido.Server.Tests;

/// <summary>Tags Vivido does not know, against a live Distribution registry: denied, or resolved there by configuration.</summary>
public sealed class AdmissionRegistryTests
{
    [Fact]
    public async Task Validate_UnknownTagWithResolve_AsksTheRegistryAndJudgesTheDigest()
    {
        await using var harness = await RegistryHarness.StartAsync(configure: o => o with { AdmissionUnknownTags = UnknownTagPolicy.Resolve });
        var digest = await TestImages.PushAsync(harness.Registry, "team/api", "v7");
        var repository = $"{harness.Registry.Host}/team/api";
        await harness.Store.RegisterImageAsync(new ImageRegistration(digest, repository, "Active", [], new Dictionary<string, string>(), "ci", DateTimeOffset.UnixEpoch));

        var known = await AdmissionReviews.PostAsync(harness.Admin, "/admission/validate", AdmissionReviews.Deployment("prod-eu", [$"{repository}:v7"]));
        var missing = await AdmissionReviews.PostAsync(harness.Admin, "/admission/validate", AdmissionReviews.Deployment("prod-eu", [$"{repository}:v8"]));
        var pinned = AdmissionReviews.Patch(await AdmissionReviews.PostAsync(harness.Admin, "/admission/mutate", AdmissionReviews.Deployment("prod-eu", [$"{repository}:v7"])));

        known.GetProperty("allowed").GetBoolean().ShouldBeTrue(known.ToString());
        missing.GetProperty("allowed").GetBoolean().ShouldBeFalse();
        missing.GetProperty("status").GetProperty("message").GetString()!.ShouldContain($"tag {repository}:v8 is unknown to Vivido and to its registry");
        pinned.EnumerateArray().ShouldHaveSingleItem().GetProperty("value").GetString().ShouldBe($"{repository}:v7@{digest}");
    }

    [Fact]
    public async Task Validate_UnknownTagByDefault_IsDeniedWithoutAskingTheRegistry()
    {
        await using var harness = await RegistryHarness.StartAsync();
        var digest = await TestImages.PushAsync(harness.Registry, "team/api", "v7");
        var repository = $"{harness.Registry.Host}/team/api";
        await harness.Store.RegisterImageAsync(new ImageRegistration(digest, repository, "Active", [], new Dictionary<string, string>(), "ci", DateTimeOffset.UnixEpoch));

        var response = await AdmissionReviews.PostAsync(harness.Admin, "/admission/validate", AdmissionReviews.Deployment("prod-eu", [$"{repository}:v7"]));

        response.GetProperty("allowed").GetBoolean().ShouldBeFalse();
        response.GetProperty("status").GetProperty("message").GetString()!.ShouldContain($"tag {repository}:v7 is unknown to Vivido;");
    }
}
