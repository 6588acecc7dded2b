using System.Text;
using System.Text.Json.Nodes;
using Vivido.Core.Admission;

namespace Vivido.Core.Tests.Admission;

public sealed class AdmissionResponseWriterTests
{
    [Theory]
    [InlineData("admission.k8s.io/v1")]
    [InlineData("admission.k8s.io/v1beta1")]
    public void Write_Denial_RoundTripsWithSameApiVersion(string apiVersion)
    {
        var bytes = AdmissionResponseWriter.Write(apiVersion, "uid-1", false, 403, "container \"web\" image x is Quarantined", ["pin it"], null);

        var review = JsonNode.Parse(bytes)!;
        review["apiVersion"]!.GetValue<string>().ShouldBe(apiVersion);
        review["kind"]!.GetValue<string>().ShouldBe("AdmissionReview");
        var response = review["response"]!.AsObject();
        response["uid"]!.GetValue<string>().ShouldBe("uid-1");
        response["allowed"]!.GetValue<bool>().ShouldBeFalse();
        response["status"]!["code"]!.GetValue<int>().ShouldBe(403);
        response["status"]!["message"]!.GetValue<string>().ShouldBe("container \"web\" image x is Quarantined");
        response["warnings"]!.AsArray().Select(w => w!.GetValue<string>()).ShouldBe(["pin it"]);
        response.ContainsKey("patch").ShouldBeFalse();
        response.ContainsKey("patchType").ShouldBeFalse();
    }

    [Theory]
    [InlineData("admission.k8s.io/v1")]
    [InlineData("admission.k8s.io/v1beta1")]
    public void Write_Patch_Base64JsonPatch(string apiVersion)
    {
        const string Patch = "[{\"op\":\"replace\",\"path\":\"/spec/containers/0/image\",\"value\":\"docker.io/library/nginx:1@sha256:aa\"}]";

        var response = JsonNode.Parse(AdmissionResponseWriter.Write(apiVersion, "uid-2", true, null, null, [], Patch))!["response"]!.AsObject();

        response["allowed"]!.GetValue<bool>().ShouldBeTrue();
        response["patchType"]!.GetValue<string>().ShouldBe("JSONPatch");
        Encoding.UTF8.GetString(Convert.FromBase64String(response["patch"]!.GetValue<string>())).ShouldBe(Patch);
        response.ContainsKey("status").ShouldBeFalse();
        response.ContainsKey("warnings").ShouldBeFalse();
    }

    [Fact]
    public void Write_EmptyPatch_NoPatchFields()
    {
        var response = JsonNode.Parse(AdmissionResponseWriter.Write("admission.k8s.io/v1", "uid-3", true, null, null, [], "[]"))!["response"]!.AsObject();

        response.Select(p => p.Key).ShouldBe(["uid", "allowed"]);
    }

    [Fact]
    public void Write_MalformedReview_Status400()
    {
        var error = Should.Throw<AdmissionReviewException>(() => AdmissionReviewReader.Read(Encoding.UTF8.GetBytes("{\"apiVersion\":\"admission.k8s.io/v1beta1\",\"kind\":\"AdmissionReview\",\"request\":{\"uid\":\"u-9\"}}")));

        var bytes = AdmissionResponseWriter.Write(error.ApiVersion, error.Uid ?? "", false, 400, error.Message, [], null);

        Encoding.UTF8.GetString(bytes).ShouldBe(
            "{\"apiVersion\":\"admission.k8s.io/v1beta1\",\"kind\":\"AdmissionReview\",\"response\":{\"uid\":\"u-9\",\"allowed\":false,\"status\":{\"code\":400,\"message\":\"request.kind is missing\"}}}");
    }
}
