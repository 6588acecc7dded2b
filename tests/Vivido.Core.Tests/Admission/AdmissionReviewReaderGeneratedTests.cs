using System.Text.Json.Nodes;
using Vivido.Core.Admission;

namespace Vivido.Core.Tests.Admission;

public sealed class AdmissionReviewReaderGeneratedTests
{
    private const string DigestA = "sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

    /// <summary>Each image form: (as written, repository, tag, digest, implicit tag).</summary>
    private static readonly (string Image, string Repository, string? Tag, string? Digest, bool Implicit)[] Forms =
    [
        ("nginx:1.25", "docker.io/library/nginx", "1.25", null, false),
        ("ghcr.io/acme/api@" + DigestA, "ghcr.io/acme/api", null, DigestA, false),
        ("docker.io/library/redis:7@" + DigestA, "docker.io/library/redis", "7", DigestA, false),
        ("busybox", "docker.io/library/busybox", "latest", null, true),
        ("registry.local:5000/team/app:2.0", "registry.local:5000/team/app", "2.0", null, false),
    ];

    public static TheoryData<string, int> KindsAndForms()
    {
        var data = new TheoryData<string, int>();
        foreach (var kind in ReviewBuilder.Kinds)
        {
            for (var form = 0; form < Forms.Length; form++)
            {
                data.Add(kind, form);
            }
        }

        return data;
    }

    public static TheoryData<string, string> KindsAndSections()
    {
        var data = new TheoryData<string, string>();
        foreach (var kind in ReviewBuilder.Kinds)
        {
            foreach (var section in ReviewBuilder.Sections)
            {
                data.Add(kind, section);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(KindsAndForms))]
    public void Read_EveryKindAndImageForm_NormalisesImage(string kind, int form)
    {
        var (image, repository, tag, digest, isImplicit) = Forms[form];
        var review = ReviewBuilder.Review(kind, ReviewBuilder.PodSpec(("containers", "web", image)));

        var request = AdmissionReviewReader.Read(ReviewBuilder.Bytes(review));

        request.Kind.ShouldBe(kind);
        request.Supported.ShouldBeTrue();
        request.Workload.ShouldBe($"{kind.ToLowerInvariant()}/web");
        var read = request.Images.ShouldHaveSingleItem();
        read.Container.ShouldBe("web");
        read.Pointer.ShouldBe(ReviewBuilder.PodSpecPointer(kind) + "/containers/0/image");
        read.Image.ShouldBe(image);
        read.Error.ShouldBeNull();
        read.Reference.ShouldNotBeNull();
        read.Reference.Repository.ShouldBe(repository);
        read.Reference.Tag.ShouldBe(tag);
        read.Reference.Digest.ShouldBe(digest);
        read.Reference.ImplicitTag.ShouldBe(isImplicit);
    }

    [Theory]
    [MemberData(nameof(KindsAndSections))]
    public void Read_EveryKindAndSection_PointsAtTheImage(string kind, string section)
    {
        var spec = ReviewBuilder.PodSpec((section, "first", "nginx:1.25"), (section, "second", "redis:7"));

        var request = AdmissionReviewReader.Read(ReviewBuilder.Bytes(ReviewBuilder.Review(kind, spec, ReviewBuilder.V1Beta1)));

        request.ApiVersion.ShouldBe(ReviewBuilder.V1Beta1);
        request.Images.Select(i => (i.Container, i.Section, i.Pointer)).ShouldBe(
        [
            ("first", section, $"{ReviewBuilder.PodSpecPointer(kind)}/{section}/0/image"),
            ("second", section, $"{ReviewBuilder.PodSpecPointer(kind)}/{section}/1/image"),
        ]);
    }

    [Theory]
    [MemberData(nameof(KindsAndForms))]
    public void Read_AllThreeSections_KeepsSectionOrderAndIndexes(string kind, int form)
    {
        var image = Forms[form].Image;
        var spec = ReviewBuilder.PodSpec(("ephemeralContainers", "debug", image), ("initContainers", "init", image), ("containers", "app", image));

        var request = AdmissionReviewReader.Read(ReviewBuilder.Bytes(ReviewBuilder.Review(kind, spec)));

        var prefix = ReviewBuilder.PodSpecPointer(kind);
        request.Images.Select(i => i.Pointer).ShouldBe(
            [$"{prefix}/containers/0/image", $"{prefix}/initContainers/0/image", $"{prefix}/ephemeralContainers/0/image"]);
        request.Images.ShouldAllBe(i => i.Reference != null && i.Reference.Repository == Forms[form].Repository);
    }

    [Fact]
    public void Read_InvalidImage_KeepsItWithError()
    {
        var review = ReviewBuilder.Review("Deployment", ReviewBuilder.PodSpec(("containers", "web", "Nginx:1.25")));

        var image = AdmissionReviewReader.Read(ReviewBuilder.Bytes(review)).Images.ShouldHaveSingleItem();

        image.Reference.ShouldBeNull();
        image.Error.ShouldBe("invalid image reference 'Nginx:1.25': repository names must be lowercase");
    }

    [Fact]
    public void Read_ContainerWithoutImage_IsSkipped()
    {
        var spec = ReviewBuilder.PodSpec(("containers", "web", "nginx:1.25"));
        spec["containers"]!.AsArray().Add(new JsonObject { ["name"] = "filled-later" });

        var request = AdmissionReviewReader.Read(ReviewBuilder.Bytes(ReviewBuilder.Review("Deployment", spec)));

        request.Images.ShouldHaveSingleItem().Container.ShouldBe("web");
    }

    [Fact]
    public void Read_Delete_SupportedWithoutImages()
    {
        var review = ReviewBuilder.Review("Deployment", ReviewBuilder.PodSpec(), operation: "DELETE");
        review["request"]!["object"] = null;

        var request = AdmissionReviewReader.Read(ReviewBuilder.Bytes(review));

        request.Supported.ShouldBeTrue();
        request.Operation.ShouldBe("DELETE");
        request.Images.ShouldBeEmpty();
        request.Workload.ShouldBe("deployment/web");
    }

    [Theory]
    [InlineData("ConfigMap", "")]
    [InlineData("Job", "batch.volcano.sh")]
    [InlineData("Deployment", "apps.openshift.io")]
    public void Read_OtherKinds_UnsupportedWithoutImages(string kind, string group)
    {
        var review = ReviewBuilder.Review("Deployment", ReviewBuilder.PodSpec(("containers", "web", "nginx")));
        review["request"]!["kind"] = new JsonObject { ["group"] = group, ["version"] = "v1", ["kind"] = kind };

        var request = AdmissionReviewReader.Read(ReviewBuilder.Bytes(review));

        request.Kind.ShouldBe(kind);
        request.Supported.ShouldBeFalse();
        request.Images.ShouldBeEmpty();
    }

    [Fact]
    public void Read_KindWithoutGroup_Supported()
    {
        var review = ReviewBuilder.Review("StatefulSet", ReviewBuilder.PodSpec(("containers", "db", "postgres:17")));
        review["request"]!["kind"]!.AsObject().Remove("group");

        AdmissionReviewReader.Read(ReviewBuilder.Bytes(review)).Images.ShouldHaveSingleItem().Container.ShouldBe("db");
    }

    [Fact]
    public void Read_NamespaceAndNameMissingFromRequest_FallBackToObjectThenDefault()
    {
        var review = ReviewBuilder.Review("Pod", ReviewBuilder.PodSpec(("containers", "web", "nginx")), ns: "team-a", name: "api");
        var request = review["request"]!.AsObject();
        request.Remove("namespace");
        request.Remove("name");

        var read = AdmissionReviewReader.Read(ReviewBuilder.Bytes(review));
        read.Namespace.ShouldBe("team-a");
        read.Name.ShouldBe("api");
        read.Workload.ShouldBe("pod/api");

        request["object"]!["metadata"]!.AsObject().Remove("namespace");
        AdmissionReviewReader.Read(ReviewBuilder.Bytes(review)).Namespace.ShouldBe("default");
    }

    [Fact]
    public void Read_TemplateAnnotations_WinOverObjectAnnotations()
    {
        var review = ReviewBuilder.Review("Deployment", ReviewBuilder.PodSpec(("containers", "web", "nginx")));
        var obj = review["request"]!["object"]!;
        obj["metadata"]!["annotations"] = new JsonObject { ["vivido.dev/break-glass"] = "object", ["team"] = "payments", ["count"] = 3 };
        obj["spec"]!["template"]!["metadata"] = new JsonObject { ["annotations"] = new JsonObject { ["vivido.dev/break-glass"] = "template" } };

        var annotations = AdmissionReviewReader.Read(ReviewBuilder.Bytes(review)).Annotations;

        annotations.ShouldBe(new Dictionary<string, string> { ["vivido.dev/break-glass"] = "template", ["team"] = "payments" }, ignoreOrder: true);
    }

    [Fact]
    public void Read_RequestDryRunAndUser_Read()
    {
        var review = ReviewBuilder.Review("Job", ReviewBuilder.PodSpec(("containers", "migrate", "ghcr.io/acme/migrate:3")));
        review["request"]!["dryRun"] = true;

        var request = AdmissionReviewReader.Read(ReviewBuilder.Bytes(review));

        request.DryRun.ShouldBeTrue();
        request.UserName.ShouldBe("admin@example.com");
    }

    [Fact]
    public void Read_PodOwnedWithoutControllerFlag_NamesThePod()
    {
        var review = ReviewBuilder.Review("Pod", ReviewBuilder.PodSpec(("containers", "web", "nginx")), name: "standalone");
        review["request"]!["object"]!["metadata"]!["ownerReferences"] = new JsonArray(
            new JsonObject { ["kind"] = "ReplicaSet", ["name"] = "web-5d9c", ["controller"] = false });

        AdmissionReviewReader.Read(ReviewBuilder.Bytes(review)).Workload.ShouldBe("pod/standalone");
    }
}
