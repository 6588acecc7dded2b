using System.Text;
using System.Text.Json.Nodes;
using Vivido.Core.Admission;

namespace Vivido.Core.Tests.Admission;

public sealed class AdmissionReviewReaderMalformedTests
{
    private const string Uid = "705ab4f5-6393-11e8-b7cc-42010a800002";

    public static TheoryData<string, string> Envelopes => new()
    {
        { "not json", "the AdmissionReview body is not valid JSON (line 1, byte 2)" },
        { "", "the AdmissionReview body is not valid JSON (line 1, byte 1)" },
        { "[]", "the body is not an AdmissionReview object" },
        { "{\"kind\":\"AdmissionReview\",\"request\":{\"uid\":\"u\"}}", "apiVersion is missing" },
        { "{\"apiVersion\":\"admission.k8s.io/v2\",\"kind\":\"AdmissionReview\",\"request\":{\"uid\":\"u\"}}", "apiVersion 'admission.k8s.io/v2' is not supported; use admission.k8s.io/v1 or admission.k8s.io/v1beta1" },
        { "{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"ConfigMap\",\"request\":{\"uid\":\"u\"}}", "kind must be AdmissionReview" },
        { "{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\"}", "request is missing" },
        { "{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\",\"request\":[]}", "request must be an object" },
        { "{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\",\"request\":{}}", "request.uid is missing" },
        { "{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\",\"request\":{\"uid\":7}}", "request.uid must be a string" },
    };

    [Theory]
    [MemberData(nameof(Envelopes))]
    public void Read_MalformedEnvelope_OneLineError(string body, string expected)
    {
        var error = Should.Throw<AdmissionReviewException>(() => AdmissionReviewReader.Read(Encoding.UTF8.GetBytes(body)));

        error.Message.ShouldBe(expected);
        error.ApiVersion.ShouldBe("admission.k8s.io/v1");
    }

    public static TheoryData<string, string> RequestMutations => new()
    {
        { "remove kind", "request.kind is missing" },
        { "remove kind.kind", "request.kind.kind is missing" },
        { "remove operation", "request.operation is missing" },
        { "remove object", "request.object is missing for a CREATE of a Deployment" },
        { "object string", "request.object must be an object" },
        { "containers object", "request.object.spec.template.spec.containers must be an array" },
        { "container string", "request.object.spec.template.spec.containers[0] must be an object" },
        { "image number", "request.object.spec.template.spec.containers[0].image must be a string" },
        { "image lone surrogate", "request.object.spec.template.spec.containers[0].image is not a valid string" },
        { "template array", "request.object.spec.template must be an object" },
        { "dryRun string", "request.dryRun must be a boolean" },
    };

    [Theory]
    [MemberData(nameof(RequestMutations))]
    public void Read_MalformedRequest_KeepsUidAndApiVersion(string mutation, string expected)
    {
        var review = ReviewBuilder.Review("Deployment", ReviewBuilder.PodSpec(("containers", "web", "nginx")), ReviewBuilder.V1Beta1);
        var request = review["request"]!.AsObject();
        var spec = request["object"]?["spec"]?["template"]?["spec"];
        var body = "";
        switch (mutation)
        {
            case "remove kind": request.Remove("kind"); break;
            case "remove kind.kind": request["kind"]!.AsObject().Remove("kind"); break;
            case "remove operation": request.Remove("operation"); break;
            case "remove object": request.Remove("object"); break;
            case "object string": request["object"] = ""; break;
            case "containers object": spec!["containers"] = new JsonObject(); break;
            case "container string": spec!["containers"]![0] = "nginx"; break;
            case "image number": spec!["containers"]![0]!["image"] = 42; break;
            case "image lone surrogate": body = review.ToJsonString().Replace("\"image\":\"nginx\"", "\"image\":\"\\ud800\"", StringComparison.Ordinal); break;
            case "template array": request["object"]!["spec"]!["template"] = new JsonArray(); break;
            case "dryRun string": request["dryRun"] = "yes"; break;
            default: throw new ArgumentOutOfRangeException(nameof(mutation));
        }

        var bytes = body.Length > 0 ? Encoding.UTF8.GetBytes(body) : ReviewBuilder.Bytes(review);
        var error = Should.Throw<AdmissionReviewException>(() => AdmissionReviewReader.Read(bytes));

        error.Message.ShouldBe(expected);
        error.Uid.ShouldBe(Uid);
        error.ApiVersion.ShouldBe(ReviewBuilder.V1Beta1);
    }

    [Fact]
    public void Read_DeeperThan64_SaysSo()
    {
        var body = new string('[', 65) + new string(']', 65);

        var error = Should.Throw<AdmissionReviewException>(() => AdmissionReviewReader.Read(Encoding.UTF8.GetBytes(body)));

        error.Message.ShouldBe("the AdmissionReview body nests JSON deeper than 64 levels");
    }

    [Fact]
    public void Read_DeepObjectInsideAReview_SaysSo()
    {
        var review = ReviewBuilder.Review("Pod", ReviewBuilder.PodSpec(("containers", "web", "nginx")));
        var text = review.ToJsonString();
        text = text[..^2] + ",\"deep\":" + new string('[', 70) + new string(']', 70) + "}}";

        var error = Should.Throw<AdmissionReviewException>(() => AdmissionReviewReader.Read(Encoding.UTF8.GetBytes(text)));

        error.Message.ShouldBe("the AdmissionReview body nests JSON deeper than 64 levels");
    }

    [Fact]
    public void Read_BodyOver3MiB_RejectedBeforeParsing()
    {
        var body = new byte[AdmissionReviewReader.MaxBodyBytes + 1];
        Array.Fill(body, (byte)' ');

        var error = Should.Throw<AdmissionReviewException>(() => AdmissionReviewReader.Read(body));

        error.Message.ShouldBe("the AdmissionReview body is larger than 3 MiB");
        error.Uid.ShouldBeNull();
    }

    [Fact]
    public void Read_InvalidUtf8InImage_NotAValidString()
    {
        var body = ReviewBuilder.Bytes(ReviewBuilder.Review("Pod", ReviewBuilder.PodSpec(("containers", "web", "nginx"))));
        var at = Array.IndexOf(body, (byte)'n', Encoding.UTF8.GetString(body).IndexOf("\"nginx\"", StringComparison.Ordinal));
        body[at] = 0xC3;

        var error = Should.Throw<AdmissionReviewException>(() => AdmissionReviewReader.Read(body));

        error.Message.ShouldBe("request.object.spec.containers[0].image is not a valid string");
        error.Uid.ShouldBe(Uid);
    }
}
