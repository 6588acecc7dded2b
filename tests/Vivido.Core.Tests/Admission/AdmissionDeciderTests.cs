using Vivido.Core.Admission;
using Vivido.Core.Lifecycles;

namespace Vivido.Core.Tests.Admission;

public sealed class AdmissionDeciderTests
{
    private const string DigestA = "sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private const string DigestB = "sha256:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";

    private static readonly AdmissionRule[] Rules =
    [
        new("prod-*", ["Active", "Canary"]),
        new("staging", ["Active", "Canary", "Staged", "Scanned"]),
    ];

    [Fact]
    public void Decide_PinnedActiveImage_AllowedWithoutWarnings()
    {
        var image = Resolved("web", "nginx@" + DigestA, DigestA, "Active");

        var decision = AdmissionDecider.Decide(Request("prod-eu", image.Image), [image], Rules);

        decision.Allowed.ShouldBeTrue();
        decision.Denials.ShouldBeEmpty();
        decision.Warnings.ShouldBeEmpty();
        decision.Message.ShouldBe("1 image(s) allowed: namespace prod-eu allows Active, Canary (rule prod-*)");
    }

    [Fact]
    public void Decide_QuarantinedImage_DeniedNamingImageStateAndRule()
    {
        var image = Resolved("web", "nginx@" + DigestA, DigestA, "Quarantined");

        var decision = AdmissionDecider.Decide(Request("prod-eu", image.Image), [image], Rules);

        decision.Allowed.ShouldBeFalse();
        var denial = decision.Denials.ShouldHaveSingleItem();
        denial.ShouldBe(new ImageDenial("web", "nginx@" + DigestA, DigestA, "Quarantined", decision.Message));
        decision.Message.ShouldBe(
            $"container \"web\" image docker.io/library/nginx@{DigestA} is Quarantined; namespace prod-eu allows Active, Canary (rule prod-*)");
    }

    [Fact]
    public void Decide_UnknownTag_DeniedWithProblemAndTagWarning()
    {
        var image = Resolved("web", "nginx:1.25", null, null, "tag docker.io/library/nginx:1.25 is unknown to Vivido");

        var decision = AdmissionDecider.Decide(Request("prod-eu", image.Image), [image], Rules);

        decision.Allowed.ShouldBeFalse();
        decision.Message.ShouldBe(
            "container \"web\" image nginx:1.25: tag docker.io/library/nginx:1.25 is unknown to Vivido; namespace prod-eu allows Active, Canary (rule prod-*)");
        decision.Warnings.ShouldBe(["container \"web\" uses tag-only reference nginx:1.25; pin it by digest"]);
    }

    [Fact]
    public void Decide_UnregisteredDigest_Denied()
    {
        var image = Resolved("api", "ghcr.io/acme/api@" + DigestB, DigestB, null, "not registered in Vivido");

        var decision = AdmissionDecider.Decide(Request("prod-us", image.Image), [image], Rules);

        decision.Allowed.ShouldBeFalse();
        decision.Denials.ShouldHaveSingleItem().Reason.ShouldBe(
            $"container \"api\" image ghcr.io/acme/api@{DigestB}: not registered in Vivido; namespace prod-us allows Active, Canary (rule prod-*)");
    }

    [Fact]
    public void Decide_InvalidReference_DeniedWithParseError()
    {
        ImageReference.TryParse("Nginx", out _, out var error).ShouldBeFalse();
        var container = new ContainerImage("web", "containers", "/spec/containers/0/image", "Nginx", null, error);

        var decision = AdmissionDecider.Decide(Request("staging", container), [new ResolvedImage(container, null, null, error)], Rules);

        decision.Allowed.ShouldBeFalse();
        decision.Message.ShouldBe(
            "container \"web\" has invalid image reference 'Nginx': repository names must be lowercase; namespace staging allows Active, Canary, Staged, Scanned (rule staging)");
    }

    [Fact]
    public void Decide_ResolvedWithoutState_Denied()
    {
        var image = Resolved("web", "nginx@" + DigestA, DigestA, null);

        var decision = AdmissionDecider.Decide(Request("prod-eu", image.Image), [image], Rules);

        decision.Allowed.ShouldBeFalse();
        decision.Message.ShouldStartWith($"container \"web\" image docker.io/library/nginx@{DigestA} has no known state");
    }

    [Fact]
    public void Decide_SeveralDenials_JoinedInReviewOrder()
    {
        var first = Resolved("web", "nginx:1.25", DigestA, "Deprecated");
        var ok = Resolved("sidecar", "envoy@" + DigestB, DigestB, "Active");
        var second = Resolved("init", "busybox", DigestB, "Retired");

        var decision = AdmissionDecider.Decide(Request("prod-eu", first.Image, ok.Image, second.Image), [first, ok, second], Rules);

        decision.Allowed.ShouldBeFalse();
        decision.Denials.Select(d => d.Container).ShouldBe(["web", "init"]);
        decision.Message.ShouldBe(string.Join("; ", decision.Denials.Select(d => d.Reason)));
        decision.Message.ShouldContain($"container \"web\" image docker.io/library/nginx@{DigestA} is Deprecated");
        decision.Message.ShouldContain($"container \"init\" image docker.io/library/busybox@{DigestB} is Retired");
        decision.Warnings.ShouldBe(
        [
            "container \"web\" uses tag-only reference nginx:1.25; pin it by digest",
            "container \"init\" uses tag-only reference busybox; pin it by digest",
        ]);
    }

    [Fact]
    public void Decide_TagOnlyActive_AllowedWithWarning()
    {
        var image = Resolved("web", "nginx:1.25", DigestA, "Canary");

        var decision = AdmissionDecider.Decide(Request("prod-eu", image.Image), [image], Rules);

        decision.Allowed.ShouldBeTrue();
        decision.Warnings.ShouldBe(["container \"web\" uses tag-only reference nginx:1.25; pin it by digest"]);
    }

    [Fact]
    public void Decide_NoMatchingRule_AllowedWithWarning()
    {
        var image = Resolved("web", "nginx:1.25", null, null, "tag docker.io/library/nginx:1.25 is unknown to Vivido");

        var decision = AdmissionDecider.Decide(Request("dev", image.Image), [image], Rules);

        decision.Allowed.ShouldBeTrue();
        decision.Denials.ShouldBeEmpty();
        decision.Warnings.ShouldBe(
        [
            "no admission rule matches namespace dev; allowed without checks",
            "container \"web\" uses tag-only reference nginx:1.25; pin it by digest",
        ]);
        decision.Message.ShouldBe("no admission rule matches namespace dev");
    }

    [Fact]
    public void Decide_OverlappingRules_FirstMatchWins()
    {
        AdmissionRule[] rules = [new("prod-eu", ["Canary"]), new("prod-*", ["Active", "Canary"])];
        var image = Resolved("web", "nginx@" + DigestA, DigestA, "Active");

        var decision = AdmissionDecider.Decide(Request("prod-eu", image.Image), [image], rules);

        decision.Allowed.ShouldBeFalse();
        decision.Message.ShouldEndWith("is Active; namespace prod-eu allows Canary (rule prod-eu)");
    }

    [Fact]
    public void Decide_RuleAllowingNothing_SaysSo()
    {
        var image = Resolved("web", "nginx@" + DigestA, DigestA, "Active");

        var decision = AdmissionDecider.Decide(Request("locked", image.Image), [image], [new AdmissionRule("locked", [])]);

        decision.Allowed.ShouldBeFalse();
        decision.Message.ShouldEndWith("namespace locked allows no state (rule locked)");
    }

    [Fact]
    public void Decide_NoImages_Allowed()
    {
        var decision = AdmissionDecider.Decide(Request("prod-eu"), [], Rules);

        decision.Allowed.ShouldBeTrue();
        decision.Message.ShouldBe("no container images to check; namespace prod-eu allows Active, Canary (rule prod-*)");
    }

    [Fact]
    public void Decide_CheckRequest_NamesOnlyTheImage()
    {
        ImageReference.TryParse("nginx:1.25", out var reference, out _).ShouldBeTrue();
        var request = AdmissionReviewRequest.ForCheck("prod-eu", "nginx:1.25", reference);
        var image = new ResolvedImage(request.Images[0], DigestA, "Failed", null);

        var decision = AdmissionDecider.Decide(request, [image], Rules);

        request.DryRun.ShouldBeTrue();
        decision.Message.ShouldBe($"image docker.io/library/nginx@{DigestA} is Failed; namespace prod-eu allows Active, Canary (rule prod-*)");
        decision.Warnings.ShouldBe(["tag-only reference nginx:1.25; pin it by digest"]);
    }

    private static ResolvedImage Resolved(string container, string image, string? digest, string? state, string? problem = null)
    {
        ImageReference.TryParse(image, out var reference, out var error).ShouldBeTrue();
        return new ResolvedImage(new ContainerImage(container, "containers", "/spec/containers/0/image", image, reference, error), digest, state, problem);
    }

    private static AdmissionReviewRequest Request(string ns, params ContainerImage[] images) =>
        new("admission.k8s.io/v1", "uid-1", "Pod", true, ns, "web", "CREATE", false, "alice", new Dictionary<string, string>(), "pod/web", images);
}
