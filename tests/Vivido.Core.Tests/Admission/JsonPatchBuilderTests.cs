using System.Text.Json.Nodes;
using Vivido.Core.Admission;

namespace Vivido.Core.Tests.Admission;

public sealed class JsonPatchBuilderTests
{
    private const string DigestA = "sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private const string DigestB = "sha256:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";

    [Theory]
    [MemberData(nameof(AdmissionReviewReaderGeneratedTests.KindsAndSections), MemberType = typeof(AdmissionReviewReaderGeneratedTests))]
    public void PinTags_AppliedToObject_PinsEveryResolvedTag(string kind, string section)
    {
        var spec = ReviewBuilder.PodSpec(
            (section, "web", "nginx:1.25"),
            (section, "cache", "localhost:5000/team/cache"),
            (section, "pinned", "ghcr.io/acme/api:v2@" + DigestB),
            (section, "unknown", "redis:7"));
        var review = ReviewBuilder.Review(kind, spec);
        var request = AdmissionReviewReader.Read(ReviewBuilder.Bytes(review));
        var digests = new Dictionary<string, string?> { ["web"] = DigestA, ["cache"] = DigestB, ["pinned"] = DigestB, ["unknown"] = null };
        var resolved = request.Images.Select(i => new ResolvedImage(i, digests[i.Container], "Active", null)).ToList();

        var patch = JsonPatchBuilder.PinTags(resolved);

        var obj = review["request"]!["object"]!;
        JsonPatchApplier.Apply(obj, patch);
        var patched = AdmissionReviewReader.Read(ReviewBuilder.Bytes(review)).Images.ToDictionary(i => i.Container, i => i.Image);
        patched.ShouldBe(new Dictionary<string, string>
        {
            ["web"] = "docker.io/library/nginx:1.25@" + DigestA,
            ["cache"] = "localhost:5000/team/cache:latest@" + DigestB,
            ["pinned"] = "ghcr.io/acme/api:v2@" + DigestB,
            ["unknown"] = "redis:7",
        });
        JsonNode.Parse(patch)!.AsArray().Count.ShouldBe(2);
    }

    [Fact]
    public void PinTags_NothingToPin_EmptyArray()
    {
        var review = ReviewBuilder.Review("Pod", ReviewBuilder.PodSpec(("containers", "web", "nginx@" + DigestA), ("containers", "bad", "Nginx")));
        var resolved = AdmissionReviewReader.Read(ReviewBuilder.Bytes(review)).Images.Select(i => new ResolvedImage(i, DigestA, "Active", null)).ToList();

        JsonPatchBuilder.PinTags(resolved).ShouldBe("[]");
        JsonPatchBuilder.PinTags([]).ShouldBe("[]");
    }

    [Fact]
    public void PinTags_OneImage_ExactOperation()
    {
        var review = ReviewBuilder.Review("Deployment", ReviewBuilder.PodSpec(("containers", "web", "nginx:1.25")));
        var image = AdmissionReviewReader.Read(ReviewBuilder.Bytes(review)).Images[0];

        var patch = JsonPatchBuilder.PinTags([new ResolvedImage(image, DigestA, "Active", null)]);

        patch.ShouldBe($"[{{\"op\":\"replace\",\"path\":\"/spec/template/spec/containers/0/image\",\"value\":\"docker.io/library/nginx:1.25@{DigestA}\"}}]");
    }
}
