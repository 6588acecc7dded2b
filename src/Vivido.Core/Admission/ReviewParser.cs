using System.Text.Json;

namespace Vivido.Core.Admission;

/// <summary>Turns a parsed AdmissionReview into an <see cref="AdmissionReviewRequest"/>, checking the envelope first.</summary>
internal static class ReviewParser
{
    private const string V1 = "admission.k8s.io/v1";
    private const string V1Beta1 = "admission.k8s.io/v1beta1";

    public static AdmissionReviewRequest Parse(JsonElement root)
    {
        var context = new ReviewContext();
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw context.Fail("the body is not an AdmissionReview object");
        }

        // uid and apiVersion first, so that every later failure can still be answered properly.
        var apiVersion = context.String(root, "apiVersion", "apiVersion");
        if (apiVersion is V1 or V1Beta1)
        {
            context.ApiVersion = apiVersion;
        }

        var request = context.Object(root, "request", "request");
        var uid = context.String(request, "uid", "request.uid");
        context.Uid = uid;

        if (apiVersion is not (V1 or V1Beta1))
        {
            throw context.Fail(apiVersion is null
                ? "apiVersion is missing"
                : $"apiVersion '{Display.Clip(apiVersion)}' is not supported; use {V1} or {V1Beta1}");
        }

        if (context.String(root, "kind", "kind") != "AdmissionReview")
        {
            throw context.Fail("kind must be AdmissionReview");
        }

        if (request is null)
        {
            throw context.Fail("request is missing");
        }

        if (string.IsNullOrEmpty(uid))
        {
            throw context.Fail("request.uid is missing");
        }

        var kindObject = context.Object(request, "kind", "request.kind") ?? throw context.Fail("request.kind is missing");
        var kind = context.String(kindObject, "kind", "request.kind.kind");
        if (string.IsNullOrEmpty(kind))
        {
            throw context.Fail("request.kind.kind is missing");
        }

        var operation = context.String(request, "operation", "request.operation");
        if (string.IsNullOrEmpty(operation))
        {
            throw context.Fail("request.operation is missing");
        }

        var workloadKind = WorkloadKind.Find(kind, context.String(kindObject, "group", "request.kind.group"));
        var obj = context.Object(request, "object", "request.object");
        if (obj is null && workloadKind is not null && operation is not ("DELETE" or "CONNECT"))
        {
            throw context.Fail($"request.object is missing for a {operation} of a {kind}");
        }

        var metadata = context.Object(obj, "metadata", "request.object.metadata");
        var ns = NonEmpty(context.String(request, "namespace", "request.namespace"))
            ?? NonEmpty(context.String(metadata, "namespace", "request.object.metadata.namespace"))
            ?? "default";
        var name = NonEmpty(context.String(request, "name", "request.name"))
            ?? NonEmpty(context.String(metadata, "name", "request.object.metadata.name"))
            ?? context.String(metadata, "generateName", "request.object.metadata.generateName")
            ?? "";
        var dryRun = context.Boolean(request, "dryRun", "request.dryRun") ?? context.Boolean(root, "dryRun", "dryRun") ?? false;
        var userName = context.String(context.Object(request, "userInfo", "request.userInfo"), "username", "request.userInfo.username");

        var reader = new PodSpecReader(context);
        return new AdmissionReviewRequest(
            ApiVersion: apiVersion,
            Uid: uid,
            Kind: kind,
            Supported: workloadKind is not null,
            Namespace: ns,
            Name: name,
            Operation: operation,
            DryRun: dryRun,
            UserName: userName,
            Annotations: reader.Annotations(obj, workloadKind),
            Workload: reader.Workload(metadata, kind, name),
            Images: workloadKind is null || obj is null ? [] : reader.Images(obj.Value, workloadKind));
    }

    private static string? NonEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
