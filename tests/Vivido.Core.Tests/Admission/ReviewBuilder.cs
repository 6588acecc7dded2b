using System.Text;
using System.Text.Json.Nodes;

namespace Vivido.Core.Tests.Admission;

/// <summary>Builds AdmissionReview bodies for every workload kind, the way the API server sends them.</summary>
internal static class ReviewBuilder
{
    public const string V1 = "admission.k8s.io/v1";
    public const string V1Beta1 = "admission.k8s.io/v1beta1";

    public static readonly string[] Kinds = ["Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob"];

    public static readonly string[] Sections = ["containers", "initContainers", "ephemeralContainers"];

    /// <summary>Where the kind keeps its pod spec, as an RFC 6901 pointer.</summary>
    public static string PodSpecPointer(string kind) => kind switch
    {
        "Pod" => "/spec",
        "CronJob" => "/spec/jobTemplate/spec/template/spec",
        _ => "/spec/template/spec",
    };

    public static string Group(string kind) => kind switch
    {
        "Pod" => "",
        "Job" or "CronJob" => "batch",
        _ => "apps",
    };

    /// <summary>A pod spec with the given containers, each (section, name, image).</summary>
    public static JsonObject PodSpec(params (string Section, string Name, string Image)[] containers)
    {
        var spec = new JsonObject();
        foreach (var (section, name, image) in containers)
        {
            if (spec[section] is not JsonArray list)
            {
                list = [];
                spec[section] = list;
            }

            list.Add(new JsonObject { ["name"] = name, ["image"] = image, ["imagePullPolicy"] = "IfNotPresent" });
        }

        return spec;
    }

    /// <summary>A full review of <paramref name="kind"/> whose pod spec is <paramref name="podSpec"/>.</summary>
    public static JsonObject Review(string kind, JsonObject podSpec, string apiVersion = V1, string operation = "CREATE", string ns = "prod-eu", string name = "web")
    {
        var obj = new JsonObject
        {
            ["kind"] = kind,
            ["apiVersion"] = Group(kind).Length == 0 ? "v1" : Group(kind) + "/v1",
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns },
        };
        var segments = PodSpecPointer(kind).Split('/', StringSplitOptions.RemoveEmptyEntries);
        var parent = obj;
        foreach (var segment in segments[..^1])
        {
            var child = new JsonObject();
            parent[segment] = child;
            parent = child;
        }

        parent[segments[^1]] = podSpec;
        return new JsonObject
        {
            ["apiVersion"] = apiVersion,
            ["kind"] = "AdmissionReview",
            ["request"] = new JsonObject
            {
                ["uid"] = "705ab4f5-6393-11e8-b7cc-42010a800002",
                ["kind"] = new JsonObject { ["group"] = Group(kind), ["version"] = "v1", ["kind"] = kind },
                ["resource"] = new JsonObject { ["group"] = Group(kind), ["version"] = "v1", ["resource"] = kind.ToLowerInvariant() + "s" },
                ["name"] = name,
                ["namespace"] = ns,
                ["operation"] = operation,
                ["userInfo"] = new JsonObject { ["username"] = "admin@example.com", ["groups"] = new JsonArray("system:authenticated") },
                ["object"] = obj,
                ["oldObject"] = null,
                ["dryRun"] = false,
            },
        };
    }

    public static byte[] Bytes(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString());

    public static byte[] Bytes(string json) => Encoding.UTF8.GetBytes(json);
}
