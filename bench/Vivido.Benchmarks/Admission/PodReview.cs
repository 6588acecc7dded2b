using System.Text;
using System.Text.Json.Nodes;

namespace Vivido.Benchmarks.Admission;

/// <summary>
/// The reviewed workload: a Pod in <c>prod-eu</c> with three containers, one pinned by digest, one by
/// tag only, one by tag and digest, inside an AdmissionReview as large as a real one (about 4 KB).
/// </summary>
internal sealed record PodReview(string PinnedImage, string TaggedImage, string TagAndDigestImage)
{
    public const string Namespace = "prod-eu";

    public const string Uid = "6f1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

    /// <param name="dryRun">The review's <c>dryRun</c>: true asks Vivido to decide without recording the deployment.</param>
    public byte[] ToJson(bool dryRun)
    {
        var containers = new JsonArray(
            Container("api", PinnedImage),
            Container("worker", TaggedImage),
            Container("metrics-sidecar", TagAndDigestImage));
        var pod = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Pod",
            ["metadata"] = new JsonObject
            {
                ["generateName"] = "payment-api-7d9f8c6b5-",
                ["namespace"] = Namespace,
                ["labels"] = new JsonObject { ["app"] = "payment-api", ["pod-template-hash"] = "7d9f8c6b5" },
                ["annotations"] = new JsonObject { ["prometheus.io/scrape"] = "true", ["prometheus.io/port"] = "9102" },
                ["ownerReferences"] = new JsonArray(new JsonObject
                {
                    ["apiVersion"] = "apps/v1",
                    ["kind"] = "ReplicaSet",
                    ["name"] = "payment-api-7d9f8c6b5",
                    ["uid"] = "0a1b2c3d-0000-4000-8000-000000000001",
                    ["controller"] = true,
                    ["blockOwnerDeletion"] = true,
                }),
            },
            ["spec"] = new JsonObject
            {
                ["containers"] = containers,
                ["volumes"] = new JsonArray(new JsonObject
                {
                    ["name"] = "kube-api-access-x7k2p",
                    ["projected"] = new JsonObject { ["defaultMode"] = 420, ["sources"] = new JsonArray(new JsonObject { ["serviceAccountToken"] = new JsonObject { ["expirationSeconds"] = 3607, ["path"] = "token" } }) },
                }),
                ["restartPolicy"] = "Always",
                ["terminationGracePeriodSeconds"] = 30,
                ["dnsPolicy"] = "ClusterFirst",
                ["serviceAccountName"] = "payment-api",
                ["securityContext"] = new JsonObject { ["runAsNonRoot"] = true, ["runAsUser"] = 10001 },
                ["schedulerName"] = "default-scheduler",
                ["tolerations"] = new JsonArray(
                    new JsonObject { ["key"] = "node.kubernetes.io/not-ready", ["operator"] = "Exists", ["effect"] = "NoExecute", ["tolerationSeconds"] = 300 },
                    new JsonObject { ["key"] = "node.kubernetes.io/unreachable", ["operator"] = "Exists", ["effect"] = "NoExecute", ["tolerationSeconds"] = 300 }),
                ["priority"] = 0,
                ["enableServiceLinks"] = true,
            },
            ["status"] = new JsonObject { ["phase"] = "Pending", ["qosClass"] = "Burstable" },
        };
        var group = new JsonObject { ["group"] = "", ["version"] = "v1", ["kind"] = "Pod" };
        var resource = new JsonObject { ["group"] = "", ["version"] = "v1", ["resource"] = "pods" };
        var review = new JsonObject
        {
            ["apiVersion"] = "admission.k8s.io/v1",
            ["kind"] = "AdmissionReview",
            ["request"] = new JsonObject
            {
                ["uid"] = Uid,
                ["kind"] = group,
                ["resource"] = resource,
                ["requestKind"] = group.DeepClone(),
                ["requestResource"] = resource.DeepClone(),
                ["namespace"] = Namespace,
                ["operation"] = "CREATE",
                ["userInfo"] = new JsonObject
                {
                    ["username"] = "system:serviceaccount:kube-system:replicaset-controller",
                    ["uid"] = "13076e42-1513-11ea-b3fc-02897404852e",
                    ["groups"] = new JsonArray("system:serviceaccounts", "system:serviceaccounts:kube-system", "system:authenticated"),
                },
                ["object"] = pod,
                ["oldObject"] = null,
                ["dryRun"] = dryRun,
                ["options"] = new JsonObject { ["apiVersion"] = "meta.k8s.io/v1", ["kind"] = "CreateOptions" },
            },
        };
        return Encoding.UTF8.GetBytes(review.ToJsonString());
    }

    private static JsonObject Container(string name, string image) => new()
    {
        ["name"] = name,
        ["image"] = image,
        ["imagePullPolicy"] = "IfNotPresent",
        ["ports"] = new JsonArray(new JsonObject { ["containerPort"] = 8080, ["protocol"] = "TCP" }),
        ["env"] = new JsonArray(
            new JsonObject { ["name"] = "LOG_LEVEL", ["value"] = "info" },
            new JsonObject { ["name"] = "POD_NAME", ["valueFrom"] = new JsonObject { ["fieldRef"] = new JsonObject { ["apiVersion"] = "v1", ["fieldPath"] = "metadata.name" } } }),
        ["resources"] = new JsonObject
        {
            ["limits"] = new JsonObject { ["memory"] = "512Mi" },
            ["requests"] = new JsonObject { ["cpu"] = "250m", ["memory"] = "256Mi" },
        },
        ["volumeMounts"] = new JsonArray(new JsonObject { ["name"] = "kube-api-access-x7k2p", ["readOnly"] = true, ["mountPath"] = "/var/run/secrets/kubernetes.io/serviceaccount" }),
        ["terminationMessagePath"] = "/dev/termination-log",
        ["terminationMessagePolicy"] = "File",
        ["securityContext"] = new JsonObject { ["allowPrivilegeEscalation"] = false, ["readOnlyRootFilesystem"] = true },
    };
}
