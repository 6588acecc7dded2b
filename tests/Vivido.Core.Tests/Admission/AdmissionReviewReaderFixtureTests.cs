using System.Text.Json.Nodes;
using Vivido.Core.Admission;
using Vivido.Testing;

namespace Vivido.Core.Tests.Admission;

public sealed class AdmissionReviewReaderFixtureTests
{
    private const string CharlieDigest = "sha256:91ac9b26df583762234c1cdb2fc930364754ccc59bc752a2bfe298d2ea68f9ff";
    private const string CharlieImage = "securesystemsengineering/charlie-image@" + CharlieDigest;

    internal static byte[] Fixture(string name) => File.ReadAllBytes(TestPaths.Fixture("k8s-admission", name));

    [Fact]
    public void Read_PodCreateDigest_ReadsEveryField()
    {
        var request = AdmissionReviewReader.Read(Fixture("admission-review-v1-pod-create-digest.json"));

        request.ApiVersion.ShouldBe("admission.k8s.io/v1");
        request.Uid.ShouldBe("0c3331b6-1812-11ea-b3fc-02897404852e");
        request.Kind.ShouldBe("Pod");
        request.Supported.ShouldBeTrue();
        request.Namespace.ShouldBe("test-connaisseur");
        request.Name.ShouldBe("charlie-deployment-76fbf58b7d-");
        request.Operation.ShouldBe("CREATE");
        request.DryRun.ShouldBeFalse();
        request.UserName.ShouldBe("system:serviceaccount:kube-system:replicaset-controller");
        request.Annotations.ShouldBe(new Dictionary<string, string> { ["kubernetes.io/psp"] = "eks.privileged" });
        request.Workload.ShouldBe("replicaset/charlie-deployment-76fbf58b7d");
        var image = request.Images.ShouldHaveSingleItem();
        image.Container.ShouldBe("test-connaisseur");
        image.Section.ShouldBe("containers");
        image.Pointer.ShouldBe("/spec/containers/0/image");
        image.Image.ShouldBe(CharlieImage);
        image.Error.ShouldBeNull();
        image.Reference.ShouldNotBeNull();
        image.Reference.Repository.ShouldBe("docker.io/securesystemsengineering/charlie-image");
        image.Reference.Tag.ShouldBeNull();
        image.Reference.Digest.ShouldBe(CharlieDigest);
    }

    [Fact]
    public void Read_PodCaptureWithTopLevelDryRunTrue_IsDryRun()
    {
        // In this capture dryRun sits beside request rather than inside it.
        var review = JsonNode.Parse(Fixture("admission-review-v1-pod-create-digest.json"))!.AsObject();
        review["dryRun"].ShouldNotBeNull().GetValue<bool>().ShouldBeFalse();
        review["dryRun"] = true;

        AdmissionReviewReader.Read(ReviewBuilder.Bytes(review)).DryRun.ShouldBeTrue();
    }

    [Fact]
    public void Read_PodWithInitContainer_ListsContainersThenInitContainers()
    {
        var request = AdmissionReviewReader.Read(Fixture("admission-review-v1-pod-create-initcontainer.json"));

        request.Uid.ShouldBe("0c3331b6-1812-11ea-b3fc-02897404852e");
        request.Kind.ShouldBe("Pod");
        request.Namespace.ShouldBe("test-connaisseur");
        request.UserName.ShouldBe("system:serviceaccount:kube-system:replicaset-controller");
        request.Images.Select(i => (i.Container, i.Section, i.Pointer, i.Image)).ShouldBe(
        [
            ("test-connaisseur", "containers", "/spec/containers/0/image", CharlieImage),
            ("my-initcontainer", "initContainers", "/spec/initContainers/0/image", "nginx"),
        ]);
        var nginx = request.Images[1].Reference.ShouldNotBeNull();
        nginx.Repository.ShouldBe("docker.io/library/nginx");
        nginx.Tag.ShouldBe("latest");
        nginx.ImplicitTag.ShouldBeTrue();
        nginx.IsPinned.ShouldBeFalse();
    }

    [Fact]
    public void Read_ReplicaSetUpdate_ReadsTagAndDigest()
    {
        var request = AdmissionReviewReader.Read(Fixture("admission-review-v1-replicaset-update.json"));

        request.ApiVersion.ShouldBe("admission.k8s.io/v1");
        request.Uid.ShouldBe("6418f614-b7f1-4c57-94bf-14fc30b2d791");
        request.Kind.ShouldBe("ReplicaSet");
        request.Supported.ShouldBeTrue();
        request.Namespace.ShouldBe("default");
        request.Name.ShouldBe("test-58d59c69bf");
        request.Operation.ShouldBe("UPDATE");
        request.DryRun.ShouldBeFalse();
        request.UserName.ShouldBe("system:serviceaccount:kube-system:deployment-controller");
        request.Annotations.Keys.Order(StringComparer.Ordinal).ShouldBe(
            ["deployment.kubernetes.io/desired-replicas", "deployment.kubernetes.io/max-replicas", "deployment.kubernetes.io/revision"]);
        request.Annotations["deployment.kubernetes.io/revision"].ShouldBe("2");
        request.Workload.ShouldBe("replicaset/test-58d59c69bf");
        var image = request.Images.ShouldHaveSingleItem();
        image.Container.ShouldBe("nginx");
        image.Pointer.ShouldBe("/spec/template/spec/containers/0/image");
        image.Reference.ShouldNotBeNull();
        image.Reference.Repository.ShouldBe("docker.io/library/redis");
        image.Reference.Tag.ShouldBe("latest");
        image.Reference.ImplicitTag.ShouldBeFalse();
        image.Reference.Digest.ShouldBe("sha256:" + new string('1', 64));
    }

    [Fact]
    public void Read_V1Beta1DeploymentMultiImage_ReadsAllThreeTagOnlyImages()
    {
        var request = AdmissionReviewReader.Read(Fixture("admission-review-v1beta1-deployment-create-multi-image.json"));

        request.ApiVersion.ShouldBe("admission.k8s.io/v1beta1");
        request.Uid.ShouldBe("4784c1dc-553f-4d53-a8d3-23c4bda880b6");
        request.Kind.ShouldBe("Deployment");
        request.Namespace.ShouldBe("connaisseur");
        request.Name.ShouldBe("test");
        request.Operation.ShouldBe("CREATE");
        request.UserName.ShouldBe("minikube-user");
        request.Annotations.ShouldBeEmpty();
        request.Workload.ShouldBe("deployment/test");
        request.Images.Select(i => (i.Container, i.Section, i.Pointer, i.Image, i.Reference?.Canonical)).ShouldBe(
        [
            ("redis", "containers", "/spec/template/spec/containers/0/image", "redis:alpine", "docker.io/library/redis:alpine"),
            ("mysql", "containers", "/spec/template/spec/containers/1/image", "mysql:8", "docker.io/library/mysql:8"),
            ("init", "initContainers", "/spec/template/spec/initContainers/0/image", "busybox:1.32", "docker.io/library/busybox:1.32"),
        ]);
        request.Images.ShouldAllBe(i => i.Reference != null && !i.Reference.IsPinned);
    }
}
